using AwesomeAssertions;
using TradAI.Config.Core.Tree;
using TradAI.Config.Hosting.Configuration;

namespace TradAI.Config.Hosting.Tests.Registration;

/// <summary>A config tree as configuration keys, laid out as the JSON provider lays out a document.</summary>
public sealed class ConfigurationFlattenerTests
{
    [Fact]
    public void Nested_keys_join_with_colons_lists_by_index_and_scalars_as_invariant_text()
    {
        var document = YamlConfigReader.ParseMapping("""
            name: x
            dry_run: true
            stake: 0.5
            big: 1.0e+21
            count: 4
            none: ~
            empty_map: {}
            empty_list: []
            pairs: [BTC/USDT, ETH/USDT]
            minimal_roi: {0: 0.06, 60: 0.03}
            protections:
              - method: CooldownPeriod
                stop: 5
            """);

        var data = ConfigurationFlattener.Flatten(document, "TradAI:Strategies:s");

        data.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["TradAI:Strategies:s:name"] = "x",
            ["TradAI:Strategies:s:dry_run"] = "true",
            ["TradAI:Strategies:s:stake"] = "0.5",
            ["TradAI:Strategies:s:big"] = "1E+21",
            ["TradAI:Strategies:s:count"] = "4",
            ["TradAI:Strategies:s:none"] = null,
            ["TradAI:Strategies:s:empty_map"] = null,
            ["TradAI:Strategies:s:empty_list"] = null,
            ["TradAI:Strategies:s:pairs:0"] = "BTC/USDT",
            ["TradAI:Strategies:s:pairs:1"] = "ETH/USDT",
            ["TradAI:Strategies:s:minimal_roi:0"] = "0.06",
            ["TradAI:Strategies:s:minimal_roi:60"] = "0.03",
            ["TradAI:Strategies:s:protections:0:method"] = "CooldownPeriod",
            ["TradAI:Strategies:s:protections:0:stop"] = "5",
        });
        data["tradai:strategies:S:NAME"].Should().Be("x", "configuration keys are case-insensitive");
    }
}
