using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.MLflow.Tags;

namespace TradAI.Config.MLflow.Tests;

/// <summary>The tag table: each parser type, nesting by dotted path, and bad values named by tag.</summary>
public sealed class MlflowTagExtractorsTests
{
    private static object? At(ConfigMapping m, string path)
    {
        object? node = m;
        foreach (var key in path.Split('.'))
        {
            node = ((ConfigMapping)node!)[key];
        }

        return node;
    }

    [Theory]
    [InlineData("timeframe", "15m", "timeframe", "15m")]
    [InlineData("strategy_version", "2.0.1", "version", "2.0.1")]
    [InlineData("exchange", "kraken", "exchange", "kraken")]
    [InlineData("freqai_identifier", "abc", "freqai.identifier", "abc")]
    public void Str_tags_are_copied_verbatim(string tag, string text, string path, string expected) =>
        At(MlflowTagExtractors.Extract(new Dictionary<string, string> { [tag] = text }), path).Should().Be(expected);

    [Fact]
    public void Csv_list_tags_become_trimmed_sequences_without_empty_items()
    {
        var overrides = MlflowTagExtractors.Extract(new Dictionary<string, string>
        {
            ["pairs"] = " BTC/USDT, ETH/USDT ,,SOL/USDT ",
            ["feature_timeframes"] = "5m,1h",
        });
        ((ConfigSequence)At(overrides, "pairs")!).Should().Equal("BTC/USDT", "ETH/USDT", "SOL/USDT");
        ((ConfigSequence)At(overrides, "freqai.feature_parameters.include_timeframes")!).Should().Equal("5m", "1h");
    }

    [Theory]
    [InlineData("30", 30L)]
    [InlineData(" -2 ", -2L)]
    [InlineData("+7", 7L)]
    public void Int_tags_become_whole_numbers(string text, long expected) =>
        At(MlflowTagExtractors.Extract(new Dictionary<string, string> { ["train_period_days"] = text }), "freqai.train_period_days").Should().Be(expected);

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("yes", true)]
    [InlineData("OFF", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Bool_tags_accept_the_usual_spellings(string text, bool expected) =>
        At(MlflowTagExtractors.Extract(new Dictionary<string, string> { ["dry_run"] = text }), "dry_run").Should().Be(expected);

    [Fact]
    public void Tags_sharing_a_parent_path_build_one_nested_mapping_and_unknown_tags_are_ignored()
    {
        var overrides = MlflowTagExtractors.Extract(new Dictionary<string, string>
        {
            ["freqai_enabled"] = "true",
            ["train_period_days"] = "14",
            ["backtest_period_days"] = "3",
            ["mlflow.source.git.commit"] = "abc123",
        });
        overrides.Keys.Should().Equal("freqai");
        ((ConfigMapping)overrides["freqai"]!).Keys.Should().Equal("enabled", "train_period_days", "backtest_period_days");
    }

    [Fact]
    public void Bad_values_are_one_validation_error_naming_every_bad_tag()
    {
        var act = () => MlflowTagExtractors.Extract(new Dictionary<string, string>
        {
            ["max_open_trades"] = "four",
            ["dry_run"] = "maybe",
            ["train_period_days"] = "1.5",
            ["timeframe"] = "1h",
        });
        var error = act.Should().Throw<ConfigValidationException>().Which;
        error.Problems.Select(p => p.Path).Should().Equal("tags.max_open_trades", "tags.dry_run", "tags.train_period_days");
        error.Message.Should().Contain("'max_open_trades' = 'four' is not a whole number")
            .And.Contain("'dry_run' = 'maybe' is not a boolean")
            .And.Contain("freqai.train_period_days");
    }

    [Fact]
    public void A_custom_table_replaces_the_default()
    {
        var table = new[] { new TagExtractor("risk", "risk.max_drawdown_pct", TagParser.Int) };
        var overrides = MlflowTagExtractors.Extract(new Dictionary<string, string> { ["risk"] = "20", ["timeframe"] = "1h" }, table);
        overrides.Keys.Should().Equal("risk");
        At(overrides, "risk.max_drawdown_pct").Should().Be(20L);
    }

    [Fact]
    public void Every_default_row_has_a_distinct_tag_and_a_dotted_path()
    {
        MlflowTagExtractors.Default.Select(r => r.Tag).Should().OnlyHaveUniqueItems();
        MlflowTagExtractors.Default.Should().OnlyContain(r => r.ConfigPath.Length > 0 && !r.ConfigPath.StartsWith('.') && !r.ConfigPath.EndsWith('.'));
        MlflowTagExtractors.Default.Select(r => r.Parser).Distinct().Should().BeEquivalentTo(Enum.GetValues<TagParser>());
    }
}
