using TradAI.Config.Core.Collections;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Strategies;

public class StrategyConfigSchemaTests
{
    private const string Valid = """
        name: s1
        version: 1.2.3
        timeframe: 5m
        exchange: binance
        stake_currency: USDT
        pairs: [BTC/USDT, ETH/USDT]
        parameters: {a: 1}
        buy_params: {b: 2}
        sell_params: {c: 3}
        freqai: {enabled: true, train_period_days: 30, backtest_period_days: 7, identifier: x}
        extra_key: kept
        """;

    private static StrategyConfig Bind(string yaml) => StrategyConfigSchema.Instance.Bind(YamlConfigReader.ParseMapping(yaml));

    private static ConfigValidationException Fail(string yaml) => Assert.Throws<ConfigValidationException>(() => Bind(yaml));

    [Fact]
    public void A_valid_config_binds_every_field()
    {
        var s = Bind(Valid);
        Assert.Equal("s1", s.Name);
        Assert.Equal("1.2.3", s.Version);
        Assert.Equal("5m", s.Timeframe);
        Assert.Equal("binance", s.Exchange);
        Assert.Equal("USDT", s.StakeCurrency);
        Assert.Equal(["BTC/USDT", "ETH/USDT"], s.Pairs);
        Assert.Equal(1L, s.Parameters["a"]);
        Assert.Equal(2L, s.BuyParams["b"]);
        Assert.Equal(3L, s.SellParams["c"]);
        Assert.Equal(30L, s.FreqAI!["train_period_days"]);
        Assert.Equal("kept", s.Document["extra_key"]);
    }

    [Fact]
    public void Exchange_may_be_a_freqtrade_mapping_with_a_name() =>
        Assert.Equal("kraken", Bind(Valid.Replace("exchange: binance", "exchange: {name: kraken, key: ''}")).Exchange);

    [Fact]
    public void Optional_sections_default_to_empty()
    {
        var s = Bind("name: s\nversion: 1.0.0\ntimeframe: 1d\nexchange: x\nstake_currency: USD\npairs: [A/USD]");
        Assert.Empty(s.Parameters);
        Assert.Null(s.FreqAI);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.0.1-alpha.1+build.5")]
    [InlineData("10.20.30-rc.1")]
    public void Semver_versions_are_accepted(string v) => Assert.Equal(v, Bind(Valid.Replace("1.2.3", v)).Version);

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3-")]
    public void Non_semver_versions_are_rejected(string v) => Assert.Equal("version", Fail(Valid.Replace("1.2.3", v)).Problems.Single().Path);

    [Theory]
    [InlineData("1m")]
    [InlineData("15m")]
    [InlineData("4h")]
    [InlineData("1d")]
    public void Timeframes_matching_the_pattern_are_accepted(string tf) => Assert.Equal(tf, Bind(Valid.Replace("5m", tf)).Timeframe);

    [Theory]
    [InlineData("5")]
    [InlineData("m5")]
    [InlineData("1w")]
    [InlineData("5 m")]
    public void Timeframes_not_matching_are_rejected(string tf) => Assert.Equal("timeframe", Fail(Valid.Replace("timeframe: 5m", $"timeframe: '{tf}'")).Problems.Single().Path);

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_path()
    {
        var ex = Fail("""
            name: ''
            version: nope
            timeframe: 7x
            exchange: 5
            pairs: [BTC/EUR, 7, bad]
            parameters: [not, a, map]
            freqai: {enabled: maybe, train_period_days: 0, backtest_period_days: -1, feature_parameters: 3}
            """);
        var paths = ex.Problems.Select(p => p.Path).ToList();
        Assert.Equal(
            ["stake_currency", "exchange", "parameters", "name", "version", "timeframe", "pairs[1]", "pairs[2]",
             "freqai.enabled", "freqai.train_period_days", "freqai.backtest_period_days", "freqai.feature_parameters"],
            paths);
        Assert.Contains("freqai.train_period_days", ex.Message);
    }

    [Fact]
    public void Pairs_must_trade_against_the_stake_currency_and_be_unique()
    {
        var ex = Fail(Valid.Replace("[BTC/USDT, ETH/USDT]", "[BTC/EUR, ETH/USDT, ETH/USDT]"));
        Assert.Equal(["pairs[0]", "pairs[2]"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Futures_pairs_with_settle_currency_are_accepted() =>
        Assert.Single(Bind(Valid.Replace("[BTC/USDT, ETH/USDT]", "['BTC/USDT:USDT']")).Pairs);

    [Fact]
    public void Empty_pairs_and_missing_fields_are_reported()
    {
        var ex = Fail("name: x\npairs: []");
        Assert.Contains(ex.Problems, p => p.Path == "pairs" && p.Message.Contains("at least one", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Path == "version" && p.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Leftover_missing_values_are_reported_anywhere_in_the_tree()
    {
        var ex = Fail(Valid.Replace("parameters: {a: 1}", "parameters: {a: '???'}"));
        Assert.Equal("parameters.a", ex.Problems.Single().Path);
    }

    [Fact]
    public void Strategy_config_is_an_immutable_record_with_value_equality()
    {
        var a = Bind(Valid);
        var b = Bind(Valid);

        // Two binds of one config are one value: equal, same hash, one entry in a set.
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<StrategyConfig> { a, b });

        // Any difference, pair order included, makes another value; 'with' leaves the original as it was.
        var c = a with { Timeframe = "1h" };
        Assert.Equal("5m", a.Timeframe);
        Assert.Equal("1h", c.Timeframe);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, a with { Pairs = ["BTC/USDT"] });
        Assert.NotEqual(a, Bind(Valid.Replace("[BTC/USDT, ETH/USDT]", "[ETH/USDT, BTC/USDT]")));
        Assert.NotEqual(a, a with { Parameters = ConfigMapping.Of(("a", 2L)) });
        Assert.NotEqual(a, Bind(Valid.Replace("extra_key: kept", "extra_key: changed")));
        Assert.Equal(a, a with { Pairs = ["BTC/USDT", "ETH/USDT"] });
    }

    [Fact]
    public void Every_property_of_a_strategy_config_is_init_only_and_compares_by_value()
    {
        // A List<T> or array property would compare by reference and break the equality above; so would a setter.
        Type[] valueTypes = [typeof(string), typeof(ValueList<string>), typeof(ConfigMapping)];
        foreach (var property in typeof(StrategyConfig).GetProperties())
        {
            Assert.Contains(property.PropertyType, valueTypes);
            var setter = property.SetMethod;
            Assert.True(setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)), $"{property.Name} has a setter");
        }
    }
}
