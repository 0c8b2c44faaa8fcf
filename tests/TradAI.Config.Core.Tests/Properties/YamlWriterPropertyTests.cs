using System.Text.Json.Nodes;
using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tests.OmegaConf;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Properties;

/// <summary>
/// What <see cref="ConfigYamlWriter"/> writes (what <c>config put</c> stores) reads back to the same tree — compared
/// strictly: types, key order, <c>-0.0</c> and every float bit included (<see cref="ConfigMapping"/>'s own equality is
/// Python's, where <c>1 == 1.0</c> and <c>0.0 == -0.0</c>) — over the edge-case generators of <see cref="ConfigGenerators"/>.
/// </summary>
public class YamlWriterPropertyTests
{
    [Fact]
    public void Yaml_round_trip_preserves_every_tree_omegaconf_can_hold() =>
        ConfigGenerators.Mapping().Sample(m =>
        {
            var yaml = ConfigYamlWriter.ToYaml(m);
            if (HasMalformedInterpolation(m))
            {
                // OmegaConf cannot load a value like '${not-a-ref' (it checks the grammar at load), so neither can we.
                Assert.Contains("not a valid interpolation", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml)).Message);
            }
            else
            {
                AssertSameTree(m, YamlConfigReader.ParseMapping(yaml), yaml);
            }
        }, iter: 1000, print: ConfigYamlWriter.ToYaml);

    [Fact]
    public void Every_string_is_quoted_when_plain_text_would_read_as_something_else()
    {
        // The quoting rule, as a value and as a key: what the writer emits reads back as exactly that string.
        var checkedPlain = 0;
        ConfigGenerators.Text.Where(t => YamlScalarResolver.InterpolationSyntaxError(t) is null).Sample(text =>
        {
            var asValue = ConfigYamlWriter.ToYaml(ConfigMapping.Of(("v", text)));
            Assert.True(YamlConfigReader.ParseMapping(asValue)["v"] is string back && back == text, $"value {Show(text)} came back from:\n{asValue}");

            if (text.Length > 0)
            {
                var asKey = ConfigYamlWriter.ToYaml(ConfigMapping.Of((text, 1L)));
                Assert.True(YamlConfigReader.ParseMapping(asKey).Keys.Single() is string key && key == text, $"key {Show(text)} came back from:\n{asKey}");
            }

            // Whatever the rule lets through unquoted must read as itself when written plain by hand too.
            if (!YamlScalarResolver.NeedsQuoting(text) && !text.Contains('\n', StringComparison.Ordinal))
            {
                checkedPlain++;
                Assert.Equal(text, YamlConfigReader.ParseMapping("v: " + text)["v"]);
            }
        }, iter: 3000, threads: 1, print: Show);
        Assert.True(checkedPlain > 100, $"only {checkedPlain} generated strings were plain-safe: the generator lost its ordinary text");
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_look_alike_string_is_written_quoted_and_read_back_as_a_string(string text)
    {
        var yaml = ConfigYamlWriter.ToYaml(ConfigMapping.Of(("v", text), (text.Length == 0 ? "empty" : text, "k")));
        var back = YamlConfigReader.ParseMapping(yaml);
        Assert.Equal(text, back["v"]);
        Assert.IsType<string>(back.Keys.Last());
    }

    public static TheoryData<string> LookAlikes =>
        [.. ConfigGenerators.LookAlikes.Where(t => YamlScalarResolver.InterpolationSyntaxError(t) is null && t != "v")];

    [Fact]
    public void Number_and_bool_keys_keep_their_type_beside_their_string_look_alikes()
    {
        var tree = ConfigMapping.Of(
            (2L, "int"), ("2", "text"), (1.5, "float"), ("1.5", "text"), (true, "bool"), ("true", "text"), (long.MinValue, "min"),
            (1e300, "big"), (5e-324, "tiny"), (double.NegativeInfinity, "-inf"), ("-.inf", "text"), (0L, "zero"), ("0", "text"));
        AssertSameTree(tree, YamlConfigReader.ParseMapping(ConfigYamlWriter.ToYaml(tree)), ConfigYamlWriter.ToYaml(tree));
    }

    [Fact]
    public void Edge_floats_and_long_extremes_are_written_exactly()
    {
        double[] floats = [1e300, -1e300, 5e-324, -5e-324, double.MaxValue, double.MinValue, -0.0, 2.2250738585072014e-308, 0.1, 1e16, 1.0 / 3, 9007199254740993.0];
        var tree = ConfigMapping.Of(
            ("floats", ConfigSequence.From(floats.Select(d => (object?)d))),
            ("longs", ConfigSequence.Of(long.MinValue, long.MaxValue, long.MinValue + 1, 1L << 53)));
        var yaml = ConfigYamlWriter.ToYaml(tree);
        var back = YamlConfigReader.ParseMapping(yaml);
        AssertSameTree(tree, back, yaml);
        Assert.True(double.IsNegative((double)((ConfigSequence)back["floats"]!)[6]!), "-0.0 lost its sign");
    }

    [Fact]
    public void Chains_nested_to_the_readers_depth_limit_round_trip()
    {
        // The root mapping is one level and an empty mapping or list as the leaf another: up to exactly the limit.
        ConfigGenerators.Deep(ConfigGenerators.AnyKey, ConfigGenerators.ScalarValue, 1, YamlReadOptions.Default.MaxDepth - 2).Sample(node =>
        {
            var tree = ConfigMapping.Of(("root", node));
            var yaml = ConfigYamlWriter.ToYaml(tree);
            if (HasMalformedInterpolation(tree))
            {
                return;
            }

            AssertSameTree(tree, YamlConfigReader.ParseMapping(yaml), yaml);
        }, iter: 200);
    }

    [Theory]
    [InlineData("leaf")]
    [InlineData(null)]
    public void A_tree_exactly_at_the_depth_limit_round_trips_and_one_level_more_is_refused_on_read(string? leaf)
    {
        // Levels: the root mapping, the chain, and the leaf when it is an (empty) container.
        object? Chain(int levels)
        {
            object? node = leaf is null ? ConfigMapping.Empty : leaf;
            for (var i = 0; i < levels; i++)
            {
                node = i % 2 == 0 ? ConfigSequence.Of(node) : ConfigMapping.Of(("k", node));
            }

            return node;
        }

        var atLimit = YamlReadOptions.Default.MaxDepth - 1 - (leaf is null ? 1 : 0);
        var tree = ConfigMapping.Of(("root", Chain(atLimit)));
        Assert.Equal(YamlReadOptions.Default.MaxDepth, tree.Depth);
        var written = ConfigYamlWriter.ToYaml(tree);

        // Both readers: the fast path answers this document, so the reference reader is asked directly as well.
        Assert.True(FastYamlReader.TryParse(written, YamlReadOptions.Default, out var fast));
        AssertSameTree(tree, (ConfigMapping)fast!, written);
        AssertSameTree(tree, (ConfigMapping)YamlConfigReader.ParseWithYamlDotNet(written, null, YamlReadOptions.Default)!, written);

        var deeper = ConfigYamlWriter.ToYaml(ConfigMapping.Of(("root", Chain(atLimit + 1))));
        Assert.False(FastYamlReader.TryParse(deeper, YamlReadOptions.Default, out _));
        Assert.Contains("deeper", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseWithYamlDotNet(deeper, null, YamlReadOptions.Default)).Message);
    }

    // Types, order, keys and float bits must all match (TypedValues writes each float with Python's shortest repr).
    private static void AssertSameTree(ConfigMapping expected, ConfigMapping actual, string yaml)
    {
        var e = TypedValues.Encode(expected);
        var a = TypedValues.Encode(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"the tree changed through YAML\n--- written ---\n{yaml}\nexpected: {e.ToJsonString()}\nread:     {a.ToJsonString()}");
    }

    private static bool HasMalformedInterpolation(object? node) => node switch
    {
        string s => YamlScalarResolver.InterpolationSyntaxError(s) is not null,
        ConfigMapping m => m.Values.Any(HasMalformedInterpolation), // OmegaConf checks values only, not keys
        ConfigSequence q => q.Any(HasMalformedInterpolation),
        _ => false,
    };

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
