using AwesomeAssertions;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Core.Tests.Versioning;

public sealed class ConfigDiffTests
{
    [Fact]
    public void Diff_reports_added_removed_and_changed_leaf_paths()
    {
        var from = YamlConfigReader.ParseMapping("""
            timeframe: 5m
            pairs: [BTC/USDT, ETH/USDT]
            freqai:
              enabled: true
              periods: [10, 20]
            old: 1
            """, "from.yaml");
        var to = YamlConfigReader.ParseMapping("""
            timeframe: 15m
            pairs: [BTC/USDT]
            freqai:
              enabled: true
              periods: [10, 20, 30]
              model: lgbm
            """, "to.yaml");

        var diff = ConfigDiff.Compute(from, to);

        diff.Entries.Select(e => (e.Path, e.Kind)).Should().Equal(
            ("timeframe", ConfigDiffKind.Changed),
            ("pairs[1]", ConfigDiffKind.Removed),
            ("freqai.periods[2]", ConfigDiffKind.Added),
            ("freqai.model", ConfigDiffKind.Added),
            ("old", ConfigDiffKind.Removed));
        diff.Entries[0].OldValue.Should().Be("5m");
        diff.Entries[0].NewValue.Should().Be("15m");
    }

    [Fact]
    public void Equal_content_gives_an_empty_diff_even_when_numbers_are_spelled_differently()
    {
        var a = ConfigMapping.Of(("x", 5L), ("y", ConfigMapping.Of(("z", 1.5))));
        var b = ConfigMapping.Of(("y", ConfigMapping.Of(("z", 1.5))), ("x", 5.0));

        ConfigDiff.Compute(a, b).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void A_type_change_is_one_changed_entry_at_that_path()
    {
        var diff = ConfigDiff.Compute(ConfigMapping.Of(("a", ConfigMapping.Of(("b", 1L)))), ConfigMapping.Of(("a", "flat")));

        diff.Entries.Should().ContainSingle().Which.Should().Be(new ConfigDiffEntry("a", ConfigDiffKind.Changed, ConfigMapping.Of(("b", 1L)), "flat"));
    }
}
