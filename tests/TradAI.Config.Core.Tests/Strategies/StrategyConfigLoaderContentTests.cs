using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Core.Tests.Strategies;

/// <summary>
/// The pipeline over content already in hand (a config version's data): the same merge → override → resolve →
/// validate steps as loading from the store, and a loader whose store is built only when something is downloaded.
/// </summary>
public sealed class StrategyConfigLoaderContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ConfigMapping Content = YamlConfigReader.ParseMapping("""
        name: trend
        version: 2.0.0
        timeframe: 1h
        exchange: binance
        stake_currency: USDT
        pairs: [BTC/USDT]
        parameters: {fast: 10}
        freqai: {identifier: '${name}-${timeframe}', train_period_days: 10}
        """);

    [Fact]
    public async Task Content_in_hand_gives_what_loading_the_same_document_gives()
    {
        var store = new InMemoryConfigRepository();
        await store.UploadAsync("trend", Content, Ct);
        var loader = new StrategyConfigLoader(store);
        var mapping = YamlConfigReader.ParseMapping("parameters: {slow: 30}");
        string[] strings = ["timeframe=15m"];

        var fromStore = await loader.LoadWithOverridesAsync("trend", mapping, strings, Ct);
        var fromContent = loader.BindWithOverrides(Content, mapping, strings);

        fromContent.Should().BeEquivalentTo(fromStore);
        fromContent.FreqAI!["identifier"].Should().Be("trend-15m", "interpolations resolve after the overrides");
        fromContent.Parameters["slow"].Should().Be(30L);
    }

    [Fact]
    public void Invalid_content_or_a_bad_override_is_a_validation_error()
    {
        var loader = new StrategyConfigLoader(new InMemoryConfigRepository());

        FluentActions.Invoking(() => loader.BindWithOverrides(Content.With("timeframe", "hourly")))
            .Should().Throw<ConfigValidationException>().WithMessage("*timeframe*");
        FluentActions.Invoking(() => loader.BindWithOverrides(Content, overrideStrings: ["absent.key=1"]))
            .Should().Throw<ConfigValidationException>();
    }

    [Fact]
    public async Task A_lazy_store_is_built_once_and_only_when_something_is_downloaded()
    {
        var built = 0;
        var store = new InMemoryConfigRepository();
        await store.UploadAsync("trend", Content, Ct);
        var loader = new StrategyConfigLoader(() =>
        {
            built++;
            return store;
        });

        loader.BindWithOverrides(Content);
        built.Should().Be(0);
        await loader.LoadAsync("trend", Ct);
        await loader.LoadAsync("trend", Ct);
        built.Should().Be(1);
    }
}
