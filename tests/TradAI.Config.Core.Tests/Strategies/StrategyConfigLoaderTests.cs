using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Core.Tests.Strategies;

public class StrategyConfigLoaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Stored = """
        name: trend
        version: 2.0.0
        timeframe: 1h
        exchange: binance
        stake_currency: USDT
        pairs: [BTC/USDT]
        parameters: {fast: 10, slow: 30}
        freqai: {identifier: '${name}-${timeframe}', train_period_days: 10}
        """;

    private static async Task<StrategyConfigLoader> Loader()
    {
        var store = new InMemoryConfigRepository();
        await store.UploadAsync("trend", YamlConfigReader.ParseMapping(Stored), Ct);
        store.PutRaw("broken", "name: [");
        return new StrategyConfigLoader(store);
    }

    [Fact]
    public async Task Load_returns_the_typed_config_with_interpolations_resolved()
    {
        var s = await (await Loader()).LoadAsync("trend", Ct);
        Assert.Equal("trend", s.Name);
        Assert.Equal("trend-1h", s.FreqAI!["identifier"]);
    }

    [Fact]
    public async Task Load_with_mapping_overrides_deep_merges()
    {
        var s = await (await Loader()).LoadWithOverridesAsync("trend", YamlConfigReader.ParseMapping("timeframe: 4h\nparameters: {fast: 5}"), Ct);
        Assert.Equal("4h", s.Timeframe);
        Assert.Equal(5L, s.Parameters["fast"]);
        Assert.Equal(30L, s.Parameters["slow"]);
        Assert.Equal("trend-4h", s.FreqAI!["identifier"]);
    }

    [Fact]
    public async Task Load_with_hydra_overrides()
    {
        var s = await (await Loader()).LoadWithOverridesAsync("trend", ["timeframe=15m", "+parameters.mid=20", "~freqai"], Ct);
        Assert.Equal("15m", s.Timeframe);
        Assert.Equal(20L, s.Parameters["mid"]);
        Assert.Null(s.FreqAI);
    }

    [Fact]
    public async Task Overrides_that_break_the_schema_are_reported_with_paths()
    {
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(async () =>
            await (await Loader()).LoadWithOverridesAsync("trend", ["timeframe=1w", "freqai.train_period_days=-1"], Ct));
        Assert.Equal(["timeframe", "freqai.train_period_days"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task Unknown_and_malformed_configs_give_typed_errors()
    {
        var loader = await Loader();
        await Assert.ThrowsAsync<NotFoundException>(() => loader.LoadAsync("missing", Ct));
        await Assert.ThrowsAsync<ConfigValidationException>(() => loader.LoadAsync("broken", Ct));
        await Assert.ThrowsAsync<ConfigValidationException>(() => loader.LoadAsync("../x", Ct));
    }
}
