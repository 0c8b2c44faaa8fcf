using AwesomeAssertions;
using TradAI.Config.Hosting.Strategies;
using TradAI.Config.Hosting.Tests.Support;

namespace TradAI.Config.Hosting.Tests.Strategies;

/// <summary>The hosting contract on DynamoDB Local: the shared emulator, and a private one for outages.</summary>
public sealed class DynamoDbActiveStrategyHostTests : ActiveStrategyHostContract
{
    protected override async Task<HostBackend> CreateBackendAsync() => await DynamoDbHostBackend.SharedAsync();

    protected override async Task<HostBackend> CreateOutageBackendAsync() => await DynamoDbHostBackend.PrivateAsync();

    [Fact]
    public async Task An_unchanged_poll_costs_exactly_one_GetItem()
    {
        await using var backend = await DynamoDbHostBackend.SharedAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        backend.Counter.Reset();

        for (var i = 0; i < 5; i++)
        {
            (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Unchanged);
        }

        backend.Counter.Snapshot().Should().Equal(new Dictionary<string, int> { ["GetItem"] = 5 });
    }

    [Fact]
    public async Task An_applied_activation_costs_one_read_too()
    {
        await using var backend = await DynamoDbHostBackend.SharedAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        await ActivateAsync(backend, 2);
        backend.Counter.Reset();

        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);

        backend.Counter.Total.Should().Be(1, "the active copy on the state item carries the content");
    }
}
