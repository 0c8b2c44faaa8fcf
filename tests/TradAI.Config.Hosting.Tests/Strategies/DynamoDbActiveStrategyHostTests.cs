using TradAI.Config.Hosting.Tests.Support;

namespace TradAI.Config.Hosting.Tests.Strategies;

/// <summary>The hosting contract on DynamoDB Local: the shared emulator, and a private one for outages.</summary>
public sealed class DynamoDbActiveStrategyHostTests : ActiveStrategyHostContract
{
    protected override async Task<HostBackend> CreateBackendAsync() => await DynamoDbHostBackend.SharedAsync();

    protected override async Task<HostBackend> CreateOutageBackendAsync() => await DynamoDbHostBackend.PrivateAsync();
}
