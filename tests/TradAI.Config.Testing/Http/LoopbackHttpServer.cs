using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TradAI.Config.Testing.Http;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 and a free port, for fakes and scripted failures: what no emulator here can do.
/// Secrets Manager runs on moto's server (<c>scripts/emulators.sh</c>); its fake on this server only answers what
/// moto cannot (access denied, throttling, signature checks). MLflow has no installable server here (no PyPI).
/// Each request is handed to <c>handler</c>.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<LoopbackRequest, Task<LoopbackResponse>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requestCount;

    public LoopbackHttpServer(Func<LoopbackRequest, Task<LoopbackResponse>> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> handler)
        : this(r => Task.FromResult(handler(r)))
    {
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The base URI without the trailing slash, as SDK endpoint overrides want it.</summary>
    public string Endpoint => BaseUri.ToString().TrimEnd('/');

    /// <summary>How many requests have been answered.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>A port nobody listens on (for "service down" tests).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        LoopbackResponse response;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in context.Request.Headers.AllKeys)
            {
                if (key is not null)
                {
                    headers[key] = context.Request.Headers[key] ?? string.Empty;
                }
            }

            var request = new LoopbackRequest(context.Request.HttpMethod, context.Request.Url!, headers, Encoding.UTF8.GetString(body))
            {
                RawTarget = context.Request.RawUrl ?? "/",
                RawBody = body,
            };
            response = await _handler(request);
        }
        catch (Exception ex)
        {
            response = new LoopbackResponse(500, "{\"fake_error\":\"" + ex.GetType().Name + "\"}");
        }

        try
        {
            Interlocked.Increment(ref _requestCount);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay);
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
        }
    }
}

/// <summary>One request as the fake saw it.</summary>
public sealed record LoopbackRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The request target as it came on the wire (path and query, still percent-encoded), which a signature covers.</summary>
    public string RawTarget { get; init; } = "/";

    /// <summary>The body's exact bytes (<see cref="Body"/> is their UTF-8 reading).</summary>
    public byte[] RawBody { get; init; } = [];

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>What the fake answers.</summary>
public sealed record LoopbackResponse(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public TimeSpan Delay { get; init; }
}
