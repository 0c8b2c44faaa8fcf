using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Strategies;
using TradAI.Config.Local.Versioning;

namespace TradAI.Config.Benchmarks;

/// <summary>
/// What following the active version costs a service (TradAI.Config.Hosting): reading the served config
/// (<c>IOptionsMonitor.CurrentValue</c>, the hot path, target under 20 ns), an unchanged poll (target: one store request
/// and under 1 KB allocated by the refresher), an applied one, and an unchanged poll with the SQLite store's own cost in.
/// The in-process store hands back a prepared version, so those rows measure the refresher alone; each poll checks it
/// made exactly one store read.
/// </summary>
[MemoryDiagnoser]
public class HostingRefreshBenchmarks
{
    private const string Strategy = "momentum-btc";
    private ServiceProvider _memory = null!;
    private ServiceProvider _sqlite = null!;
    private string _sqliteFolder = null!;
    private PreparedVersionStore _store = null!;
    private IOptionsMonitor<StrategyConfig> _monitor = null!;
    private IActiveStrategyRefresher _refresher = null!;
    private IActiveStrategyRefresher _sqliteRefresher = null!;
    private ConfigVersion _a = null!;
    private ConfigVersion _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = YamlConfigReader.ParseMapping(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml")));
        _a = Version(content, 1);
        _b = Version(content.With("timeframe", "15m"), 2);
        _store = new PreparedVersionStore(_a);
        _memory = Provider(s => s.AddSingleton<IConfigVersionRepository>(_store), null);
        _monitor = _memory.GetRequiredService<IOptionsMonitor<StrategyConfig>>();
        _refresher = _memory.GetRequiredService<IActiveStrategyRefresher>();
        Expect(_refresher.RefreshNowAsync(Strategy).GetAwaiter().GetResult(), StrategyRefreshOutcome.Applied);

        _sqliteFolder = Directory.CreateTempSubdirectory("tradai-bench-").FullName;
        var versions = new ConfigVersionService(SqliteConfigVersionRepository.ForStore(_sqliteFolder));
        var created = versions.CreateAsync(Strategy, content, "bench").GetAwaiter().GetResult();
        versions.ActivateAsync(Strategy, created.Version.ConfigId).GetAwaiter().GetResult();
        _sqlite = Provider(_ => { }, _sqliteFolder);
        _sqliteRefresher = _sqlite.GetRequiredService<IActiveStrategyRefresher>();
        Expect(_sqliteRefresher.RefreshNowAsync(Strategy).GetAwaiter().GetResult(), StrategyRefreshOutcome.Applied);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memory.Dispose();
        _sqlite.Dispose();
        Directory.Delete(_sqliteFolder, recursive: true);
    }

    [Benchmark(Description = "IOptionsMonitor<StrategyConfig>.CurrentValue")]
    public StrategyConfig CurrentValue() => _monitor.CurrentValue;

    [Benchmark(Description = "IOptionsMonitor<StrategyConfig>.Get(name)")]
    public StrategyConfig GetByName() => _monitor.Get(Strategy);

    [Benchmark(Description = "unchanged poll (refresher only, 1 store read)")]
    public async Task<StrategyRefreshResult> UnchangedPoll()
    {
        var reads = _store.Reads;
        var result = await _refresher.RefreshNowAsync(Strategy).ConfigureAwait(false);
        return _store.Reads == reads + 1 && result.Outcome == StrategyRefreshOutcome.Unchanged
            ? result
            : throw new InvalidOperationException($"expected one store read and no change, got {_store.Reads - reads} reads, {result.Outcome}");
    }

    [Benchmark(Description = "applied poll (verify hash, overrides, resolve, validate, swap)")]
    public async Task<StrategyRefreshResult> AppliedPoll()
    {
        _store.Active = ReferenceEquals(_store.Active, _a) ? _b : _a;
        var result = await _refresher.RefreshNowAsync(Strategy).ConfigureAwait(false);
        return result.Outcome == StrategyRefreshOutcome.Applied ? result : throw new InvalidOperationException(result.Failure?.Reason);
    }

    [Benchmark(Description = "unchanged poll on SQLite (store's own cost included)")]
    public Task<StrategyRefreshResult> UnchangedPollSqlite() => _sqliteRefresher.RefreshNowAsync(Strategy);

    private static ServiceProvider Provider(Action<IServiceCollection> stores, string? folder)
    {
        var services = new ServiceCollection();
        stores(services);
        services.AddTradaiConfig(o => o.Store = folder ?? "unused").UseLocal().AddActiveStrategyConfig(Strategy);
        return services.BuildServiceProvider();
    }

    private static ConfigVersion Version(ConfigMapping content, int number)
    {
        var (hash, canonical) = ConfigHasher.HashWithCanonical(content);
        return ConfigVersion.CreateDraft(Strategy, number, hash, CanonicalJsonReader.ReadMapping(canonical), "bench", DateTimeOffset.UtcNow)
            .WithStatus(ConfigVersionStatus.Active, DateTimeOffset.UtcNow);
    }

    private static void Expect(StrategyRefreshResult result, StrategyRefreshOutcome outcome)
    {
        if (result.Outcome != outcome)
        {
            throw new InvalidOperationException($"{result.Outcome}: {result.Failure?.Reason}");
        }
    }

    /// <summary>A version store that answers get-active from memory with a cached task, and counts the reads.</summary>
    private sealed class PreparedVersionStore(ConfigVersion active) : IConfigVersionRepository
    {
        private Task<ConfigVersion?> _active = Task.FromResult<ConfigVersion?>(active);

        public int Reads { get; private set; }

        public ConfigVersion Active
        {
            get => _active.Result!;
            set => _active = Task.FromResult<ConfigVersion?>(value);
        }

        public Task<ConfigVersion?> GetActiveAsync(string strategyName, CancellationToken cancellationToken = default)
        {
            Reads++;
            return _active;
        }

        public Task<ConfigVersionWrite> CreateAsync(NewConfigVersion request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConfigVersion?> GetAsync(string strategyName, string configId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConfigVersionPage> ListAsync(string strategyName, ConfigVersionStatus? status, int limit, string? continuationToken, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ConfigVersionWrite> ActivateAsync(
            string strategyName, string configId, DateTimeOffset at, Action<ConfigVersion>? validate = null, ActivePrecondition? expectedActive = null,
            string? deployedBy = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<StrategyVersionSummary>> ListStrategiesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConfigVersion> DeprecateAsync(string strategyName, string configId, DateTimeOffset at, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
