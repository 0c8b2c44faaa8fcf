using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Testing.Fakes;
using TradAI.Config.Testing.Support;

namespace TradAI.Config.Aws.Tests.Secrets;

/// <summary>The TTL cache over the Secrets Manager store: fewer calls, rotated values picked up after TTL or refresh.</summary>
public sealed class CachingSecretStoreTests : IAsyncLifetime
{
    private readonly FakeSecretsManager _fake = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    private SecretsManagerClient NewClient() =>
        new(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = _fake.Endpoint,
            Region = FakeSecretsManager.Region,
            Credentials = new BasicAWSCredentials(FakeSecretsManager.AccessKey, FakeSecretsManager.SecretKey),
        }));

    [Fact]
    public async Task Serves_from_memory_within_the_ttl_and_rereads_after_it()
    {
        using var client = NewClient();
        await client.CreateSecretAsync("db", """{"password":"one"}""", cancellationToken: Ct);
        using var aws = new AwsSecretStore(NewClient);
        var cache = new CachingSecretStore(aws, TimeSpan.FromMinutes(5), _clock);

        (await cache.GetSecretAsync("db", Ct))["password"].Should().Be("one");
        await client.PutSecretValueAsync("db", """{"password":"two"}""", Ct);
        var before = _fake.RequestCount;

        (await cache.GetSecretAsync("db", Ct))["password"].Should().Be("one", "within the TTL the cached value is served");
        _fake.RequestCount.Should().Be(before);

        _clock.Advance(TimeSpan.FromMinutes(5));
        (await cache.GetSecretAsync("db", Ct))["password"].Should().Be("two", "after the TTL the rotated value is read");
    }

    [Fact]
    public async Task Refresh_and_invalidate_pick_up_a_rotation_at_once()
    {
        using var client = NewClient();
        await client.CreateSecretAsync("api", """{"key":"a"}""", cancellationToken: Ct);
        using var aws = new AwsSecretStore(NewClient);
        var cache = new CachingSecretStore(aws, TimeSpan.FromHours(1), _clock);
        await cache.GetSecretAsync("api", Ct);

        await client.PutSecretValueAsync("api", """{"key":"b"}""", Ct);
        (await cache.RefreshAsync("api", Ct))["key"].Should().Be("b");

        await client.PutSecretValueAsync("api", """{"key":"c"}""", Ct);
        cache.Invalidate("api");
        (await cache.GetSecretAsync("api", Ct))["key"].Should().Be("c");
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        using var aws = new AwsSecretStore(NewClient);
        var cache = new CachingSecretStore(aws, TimeSpan.FromHours(1), _clock);
        var act = () => cache.GetSecretAsync("later", Ct);
        await act.Should().ThrowAsync<ExternalServiceException>();

        using var client = NewClient();
        await client.CreateSecretAsync("later", """{"k":"v"}""", cancellationToken: Ct);
        (await cache.GetSecretAsync("later", Ct))["k"].Should().Be("v");
    }
    [Fact]
    public async Task Concurrent_misses_share_one_call_to_secrets_manager()
    {
        _fake.Seed("hot", """{"k":"v"}""");
        using var aws = new AwsSecretStore(NewClient);
        var cache = new CachingSecretStore(aws, TimeSpan.FromMinutes(5), _clock);
        await aws.GetRotationStatusAsync("hot", Ct); // build the client and warm the connection first
        var before = _fake.RequestCount;

        using var start = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await cache.GetSecretAsync("hot", Ct);
        }, Ct)).ToArray();
        start.Set();
        var results = await Task.WhenAll(readers);

        results.Should().OnlyContain(r => r["k"] == "v");
        (_fake.RequestCount - before).Should().Be(1);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetSecretAsync("hot", Ct)));
        (_fake.RequestCount - before).Should().Be(2, "after the TTL the herd again shares one fetch");
    }
}
