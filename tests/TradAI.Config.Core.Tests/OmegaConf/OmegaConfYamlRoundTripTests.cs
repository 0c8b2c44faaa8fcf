using System.Text.Json.Nodes;
using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tests.Properties;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// YAML written by this project (<see cref="ConfigYamlWriter"/>, what <c>config put</c> stores) must load in OmegaConf
/// to the same values — strings that look like numbers, booleans, dates or nulls quoted — and YAML written by
/// <c>OmegaConf.to_yaml</c> must read here to what OmegaConf itself reads back from it. Trees are generated directly
/// (every value type, edge-case strings and keys) and by parsing the merge test's documents.
/// </summary>
[Collection(OmegaConfCollection.Name)]
public class OmegaConfYamlRoundTripTests(OmegaConfOracle oracle, ITestOutputHelper output)
{
    // Not U+2028/U+2029/U+0085: PyYAML (YAML 1.1) folds them as line breaks when OmegaConf.to_yaml writes them in a
    // nested quoted scalar, YamlDotNet (YAML 1.2) keeps the indentation after them — a known, accepted divergence.
    private static readonly string[] Texts =
    [
        .. OmegaConfCases.EdgeScalars, "", " lead", "trail ", "a: b", "#x", "x #y", "multi\nline", "multi\nline\n", "tab\there",
        "quote'\"", "it's", "ünï", "${a}", "\\${a}", "x${a}", "-", "- x", "? x", "?x", "[1]", "{a}", "*x", "&x", "!x", "%x",
        "@x", "`x", "|", ">", "~", "null", "hello", "BTC/USDT", "5m", "1.0.0", "nbsp\u00a0", "\u00e9\u0301",
        "emoji \U0001F600", "ctrl\u0001", "del\u007f", "bom\uFEFF", "cr\rlf", "  ", "x:", ":x", "a,b", "#", "'", "\"",
    ];

    private static readonly Gen<object> KeyGen = Gen.Frequency(
        (6, Gen.OneOfConst(Texts).Where(t => t.Length > 0 && YamlScalarResolver.InterpolationSyntaxError(t) is null).Select(t => (object)t)),
        (2, Gen.Long[-5, 20].Select(l => (object)l)),
        (1, Gen.OneOfConst(1.5, -0.25, double.PositiveInfinity, double.NegativeInfinity, 1e16, 2.0).Select(d => (object)d)),
        (1, Gen.Bool.Select(b => (object)b)),
        (3, ConfigGenerators.AnyKey.Where(k => k is not string t || Comparable(t))));

    private static readonly Gen<object?> ScalarGen = Gen.Frequency(
        (6, Gen.OneOfConst(Texts).Where(t => YamlScalarResolver.InterpolationSyntaxError(t) is null).Select(t => (object?)t)),
        (2, Gen.OneOfConst(0L, -1L, 42L, long.MaxValue, long.MinValue, 15L).Select(l => (object?)l)),
        (2, Gen.OneOfConst(0.0, -0.0, 0.1, 1.5, 1e16, 1e-5, 685230.15, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300).Select(d => (object?)d)),
        (1, Gen.Bool.Select(b => (object?)b)),
        (1, Gen.Const(default(object))),
        (1, Gen.Const<object?>(MissingValue.Instance)),
        (4, ConfigGenerators.ScalarValue.Where(v => v is not string t || Comparable(t))));

    // The property generators' edge cases, but for the divergence above and interpolations OmegaConf cannot load.
    private static bool Comparable(string text) =>
        text.IndexOfAny(['\u2028', '\u2029', '\u0085']) < 0 && YamlScalarResolver.InterpolationSyntaxError(text) is null;

    // Trees straight from the generator, and trees the merge test's documents parse to.
    private static readonly Gen<ConfigMapping> Trees = Gen.Frequency(
        (3, ConfigGenerators.Mapping(KeyGen, ScalarGen, 3)),
        (1, OmegaConfCases.Document.Select(ParseOrEmpty)));

    private static ConfigMapping ParseOrEmpty(string yaml)
    {
        try
        {
            return YamlConfigReader.ParseMapping(yaml);
        }
        catch (ConfigValidationException)
        {
            return ConfigMapping.Empty;
        }
    }

    [Fact]
    public void What_this_project_writes_OmegaConf_loads_to_the_same_values_and_back()
    {
        oracle.Require();
        var cases = OmegaConfDifferential.Cases(300);
        Trees.Sample(
            tree =>
            {
                if (Disagreement(tree) is { } d)
                {
                    throw new InvalidOperationException(d);
                }
            },
            writeLine: output.WriteLine,
            seed: OmegaConfDifferential.Seed,
            iter: cases,
            threads: 1,
            print: t => ConfigYamlWriter.ToYaml(t));
    }

    [Theory]
    [InlineData("a: '0o17'\nb: '1e3'\nc: '._5'\nd: '2024-01-05'\ne: 'yes'\nf: '1:30'\ng: '=' \nh: '<<'\ni: '0b_'")]
    [InlineData("a: -0.0\nb: .nan\nc: -.inf\nd: 1.0e+16\ne: 685230.15")]
    [InlineData("'1': a\n1: b\n1.5: c\ntrue: d\n'true': e\n'0o17': f")]
    [InlineData("a: \"multi\\nline\\n\"\nb: \"ctrl\\x01\"\nc: \"a\\u2028b\"\nd: '???'\ne: '${a}'")]
    public void Known_cases_round_trip(string yaml)
    {
        oracle.Require();
        Assert.Null(Disagreement(YamlConfigReader.ParseMapping(yaml)));
    }

    // Null when both directions agree; otherwise what differs.
    private string? Disagreement(ConfigMapping tree)
    {
        var written = ConfigYamlWriter.ToYaml(tree);
        var answer = oracle.Load(written);
        if (answer["error"] is { } error)
        {
            return $"OmegaConf cannot load what this project wrote: {error}\n--- written ---\n{written}";
        }

        var expected = TypedValues.Encode(tree);
        if (!JsonNode.DeepEquals(expected, answer["ok"]))
        {
            return $"OmegaConf loads what this project wrote differently\n--- written ---\n{written}\nthis project: {expected.ToJsonString()}\nOmegaConf:    {answer["ok"]!.ToJsonString()}";
        }

        var theirs = answer["yaml"]!.GetValue<string>();
        JsonNode? ours;
        string? ourError = null;
        try
        {
            ours = TypedValues.Encode(YamlConfigReader.ParseMapping(theirs));
        }
        catch (ConfigValidationException ex)
        {
            ours = null;
            ourError = ex.Message;
        }

        var reload = new JsonObject();
        if (answer["reload_error"] is { } reloadError)
        {
            reload["error"] = reloadError.GetValue<string>();
        }
        else
        {
            reload["ok"] = answer["reload"]!.DeepClone();
        }

        return OmegaConfDifferential.Compare(reload, ours, ourError) is { } d
            ? $"OmegaConf.to_yaml output reads differently here than in OmegaConf\n--- OmegaConf.to_yaml ---\n{theirs}\n{d}"
            : null;
    }
}
