using System.Collections.Concurrent;
using Amazon.Runtime;

namespace TradAI.Config.Aws.Clients;

/// <summary>
/// Records the HTTP requests an AWS client sends (method, and the S3 precondition header it carries), set as the
/// client config's <see cref="ClientConfig.HttpClientFactory"/>: what an operation costs on the wire, for tests and
/// benchmarks. Every attempt is recorded, retries included.
/// </summary>
public sealed class HttpRequestLog : HttpClientFactory
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>The requests so far, oldest first: <c>GET</c>, <c>PUT If-Match</c>, <c>PUT If-None-Match</c>...</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Recorder(this) { InnerHandler = new HttpClientHandler() });

    // The SDK caches clients per config; letting it do so keeps connection reuse as in production.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    private sealed class Recorder(HttpRequestLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var condition = request.Headers.Contains("If-Match") ? " If-Match" : request.Headers.Contains("If-None-Match") ? " If-None-Match" : string.Empty;
            log._requests.Enqueue(request.Method.Method + condition);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
