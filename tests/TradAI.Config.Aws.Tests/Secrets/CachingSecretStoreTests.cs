using System.Collections.Concurrent;
using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Secrets;
using TradAI.Config.Testing.Support;

namespace TradAI.Config.Aws.Tests.Secrets;

/// <summary>
/// The TTL cache over the Secrets Manager store on moto: fewer calls (counted on the wire), rotated values picked up
/// after the TTL or a refresh, failures not cached, one fetch for a herd of concurrent misses.
/// </summary>
public sealed class CachingSecretStoreTests : IDisposable
{
    private readonly MotoSecretsManager _moto = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _requests = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _moto.Dispose();

    /// <summary>The store under the cache; every GetSecretValue it sends is counted in <see cref="Reads"/>.</summary>
    private AwsSecretStore NewAwsStore() => new(() => new SecretsManagerClient(
        new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.Moto,
            Region = MotoSecretsManager.Region,
            Credentials = new BasicAWSCredentials("test", "test"),
        }),
        new Counter(_requests) { InnerHandler = new SocketsHttpHandler() }));

    private int Reads => _requests.Count(r => r == "secretsmanager.GetSecretValue");

    [Fact]
    public async Task Serves_from_memory_within_the_ttl_and_rereads_after_it()
    {
        var name = MotoSecretsManager.UniqueName("db");
        await _moto.CreateAsync(name, """{"password":"one"}""", Ct);
        using var aws = NewAwsStore();
        var cache = new CachingSecretStore(aws, TimeSpan.FromMinutes(5), _clock);

        (await cache.GetSecretAsync(name, Ct))["password"].Should().Be("one");
        await _moto.PutAsync(name, """{"password":"two"}""", Ct);
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        (await cache.GetSecretAsync(name, Ct))["password"].Should().Be("one", "within the TTL the cached value is served");
        Reads.Should().Be(1);

        _clock.Advance(TimeSpan.FromTicks(1));
        (await cache.GetSecretAsync(name, Ct))["password"].Should().Be("two", "at the TTL the rotated value is read");
        Reads.Should().Be(2);
    }

    [Fact]
    public async Task Refresh_and_invalidate_pick_up_a_rotation_at_once()
    {
        var name = MotoSecretsManager.UniqueName("api");
        await _moto.CreateAsync(name, """{"key":"a"}""", Ct);
        using var aws = NewAwsStore();
        var cache = new CachingSecretStore(aws, TimeSpan.FromHours(1), _clock);
        await cache.GetSecretAsync(name, Ct);

        await _moto.PutAsync(name, """{"key":"b"}""", Ct);
        (await cache.RefreshAsync(name, Ct))["key"].Should().Be("b");
        (await cache.GetSecretAsync(name, Ct))["key"].Should().Be("b", "the refreshed value is the cached one");

        await _moto.PutAsync(name, """{"key":"c"}""", Ct);
        cache.Invalidate(name);
        (await cache.GetSecretAsync(name, Ct))["key"].Should().Be("c");
        Reads.Should().Be(3);
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        var name = MotoSecretsManager.UniqueName("later");
        using var aws = NewAwsStore();
        var cache = new CachingSecretStore(aws, TimeSpan.FromHours(1), _clock);
        var act = () => cache.GetSecretAsync(name, Ct);
        (await act.Should().ThrowAsync<ExternalServiceException>()).Which.ErrorCode.Should().Be(SecretErrors.NotFoundCode);

        await _moto.CreateAsync(name, """{"k":"v"}""", Ct);
        (await cache.GetSecretAsync(name, Ct))["k"].Should().Be("v");
    }

    [Fact]
    public async Task Concurrent_misses_share_one_call_to_secrets_manager()
    {
        var name = MotoSecretsManager.UniqueName("hot");
        await _moto.CreateAsync(name, """{"k":"v"}""", Ct);
        using var aws = NewAwsStore();
        var cache = new CachingSecretStore(aws, TimeSpan.FromMinutes(5), _clock);
        await aws.GetRotationStatusAsync(name, Ct); // build the client and warm the connection first

        using var start = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await cache.GetSecretAsync(name, Ct);
        }, Ct)).ToArray();
        start.Set();
        var results = await Task.WhenAll(readers);

        results.Should().OnlyContain(r => r["k"] == "v");
        Reads.Should().Be(1);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetSecretAsync(name, Ct)));
        Reads.Should().Be(2, "after the TTL the herd again shares one fetch");
    }

    /// <summary>Records the operation (<c>X-Amz-Target</c>) of every request the client sends.</summary>
    private sealed class Counter(ConcurrentQueue<string> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request.Headers.TryGetValues("X-Amz-Target", out var target) ? target.Single() : "?");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
