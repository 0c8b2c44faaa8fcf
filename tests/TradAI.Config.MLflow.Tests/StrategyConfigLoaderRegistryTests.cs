using AwesomeAssertions;
using Microsoft.Extensions.Logging;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Local.Storage;
using TradAI.Config.MLflow.Client;
using TradAI.Config.MLflow.Registry;
using TradAI.Config.Testing.Http;
using TradAI.Config.Testing.Support;

namespace TradAI.Config.MLflow.Tests;

/// <summary>StrategyConfigLoader's registry path end to end: loopback MLflow → local folder store → merge → validate.</summary>
public sealed class StrategyConfigLoaderRegistryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-mlflow-").FullName;
    private readonly LocalConfigRepository _store;
    private readonly CapturingLogger _log = new();

    public StrategyConfigLoaderRegistryTests()
    {
        _store = new LocalConfigRepository(_dir);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ConfigMapping Strategy(string name, string timeframe) => ConfigMapping.Of(
        ("name", name),
        ("version", "1.0.0"),
        ("timeframe", timeframe),
        ("pairs", ConfigSequence.Of("BTC/USDT")),
        ("stake_currency", "USDT"),
        ("exchange", "binance"),
        ("freqai", ConfigMapping.Of(("enabled", false), ("train_period_days", 30L))));

    private StrategyConfigLoader Loader(Uri mlflow) =>
        new(_store, new MlflowStrategyRegistry(new MlflowRegistryClient(new MlflowSettings { TrackingUri = mlflow })), new CapturingLogger<StrategyConfigLoader>(_log));

    [Fact]
    public async Task Load_from_mlflow_downloads_the_tagged_config_and_merges_the_tag_overrides()
    {
        await _store.UploadAsync("momentum-btc", Strategy("momentum-btc", "1h"), Ct);
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("momentum", "8", "Production", new Dictionary<string, string>
        {
            ["config_name"] = "momentum-btc",
            ["timeframe"] = "15m",
            ["pairs"] = "ETH/USDT,SOL/USDT",
            ["freqai_enabled"] = "true",
            ["strategy_version"] = "1.1.0",
        });

        var config = await Loader(mlflow.BaseUri).LoadFromMlflowAsync("momentum", "Production", Ct);

        config.Name.Should().Be("momentum-btc");
        config.Timeframe.Should().Be("15m");
        config.Version.Should().Be("1.1.0");
        config.Pairs.Should().Equal("ETH/USDT", "SOL/USDT");
        config.FreqAI!["enabled"].Should().Be(true);
        config.FreqAI!["train_period_days"].Should().Be(30L, "tag overrides deep-merge: untouched nested keys stay");
        _log.AllText.Should().Contain("model version 8");
    }

    [Fact]
    public async Task Tag_overrides_are_validated_with_the_config()
    {
        await _store.UploadAsync("s", Strategy("s", "1h"), Ct);
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("s", "1", "Production", new Dictionary<string, string> { ["timeframe"] = "hourly" });
        var act = () => Loader(mlflow.BaseUri).LoadFromMlflowAsync("s", "Production", Ct);
        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Problems.Should().Contain(p => p.Path == "timeframe");
    }

    [Fact]
    public async Task Stage_with_no_version_is_not_found_from_mlflow_and_falls_back_to_the_store()
    {
        await _store.UploadAsync("s", Strategy("s", "1h"), Ct);
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("s", "1", "Staging", new Dictionary<string, string> { ["timeframe"] = "5m" });
        var loader = Loader(mlflow.BaseUri);

        var direct = () => loader.LoadFromMlflowAsync("s", "Production", Ct);
        await direct.Should().ThrowAsync<NotFoundException>();

        var config = await loader.LoadWithFallbackAsync("s", "Production", Ct);
        config.Timeframe.Should().Be("1h", "the fallback loads the stored config without tag overrides");
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Text.Contains("falling back") && e.Text.Contains("no version in stage 'Production'"));
    }

    [Fact]
    public async Task Registry_down_falls_back_to_the_store_and_logs_why()
    {
        await _store.UploadAsync("s", Strategy("s", "4h"), Ct);
        var loader = Loader(new Uri($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/"));

        var config = await loader.LoadWithFallbackAsync("s", "Production", Ct);

        config.Timeframe.Should().Be("4h");
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Text.Contains("ExternalService") && e.Text.Contains("Cannot reach MLflow"));
    }

    [Fact]
    public async Task Bad_tags_fall_back_too_but_a_missing_store_config_still_fails()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("s", "1", "Production", new Dictionary<string, string> { ["dry_run"] = "perhaps" });
        var loader = Loader(mlflow.BaseUri);

        var act = () => loader.LoadWithFallbackAsync("s", "Production", Ct);
        await act.Should().ThrowAsync<NotFoundException>("the fallback reads the store, which has no 's'");
        _log.AllText.Should().Contain("tags.dry_run");
    }

    [Fact]
    public async Task Without_a_registry_load_from_mlflow_is_an_external_service_error_and_fallback_uses_the_store()
    {
        await _store.UploadAsync("s", Strategy("s", "1d"), Ct);
        var loader = new StrategyConfigLoader(_store, registry: null, new CapturingLogger<StrategyConfigLoader>(_log));
        var act = () => loader.LoadFromMlflowAsync("s", cancellationToken: Ct);
        (await act.Should().ThrowAsync<ExternalServiceException>()).Which.Message.Should().Contain("MLFLOW_TRACKING_URI");
        (await loader.LoadWithFallbackAsync("s", cancellationToken: Ct)).Timeframe.Should().Be("1d");
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed_by_the_fallback()
    {
        await using var mlflow = new FakeMlflowServer();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var act = () => Loader(mlflow.BaseUri).LoadWithFallbackAsync("s", "Production", cts.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
