using TradAI.Config.Hosting.Tests.Support;

namespace TradAI.Config.Hosting.Tests.Strategies;

/// <summary>The hosting contract on the embedded default: a store folder with its SQLite version store.</summary>
public sealed class SqliteActiveStrategyHostTests : ActiveStrategyHostContract
{
    protected override Task<HostBackend> CreateBackendAsync() => Task.FromResult<HostBackend>(new SqliteHostBackend());

    protected override Task<HostBackend> CreateOutageBackendAsync() => CreateBackendAsync();
}
