using System.Text.Json.Nodes;
using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tests.Properties;
using TradAI.Config.Core.Tests.Tree;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// Plain-scalar typing checked against the real OmegaConf (PyYAML's YAML 1.1 resolvers plus OmegaConf's float rule),
/// not against this project's own <see cref="YamlScalarResolver"/>: each text is loaded as <c>v: text</c> by OmegaConf
/// (thousands in one request to the oracle process), by the reference reader (YamlDotNet events) and by the fast path,
/// and all three must agree, types included. The hand-pinned tables of <see cref="YamlConfigReaderTests"/> are checked
/// against OmegaConf the same way, so they cannot drift into restating the code.
/// </summary>
[Collection(OmegaConfCollection.Name)]
public class OmegaConfScalarTypingTests(OmegaConfOracle oracle, ITestOutputHelper output)
{
    // Every character a YAML 1.1 number, bool, null or date can hold, and a few that break one.
    private static readonly Gen<string> NumberLike = Gen.Frequency(
        (4, Gen.String[Gen.Char["0123456789"], 1, 20]),
        (6, Gen.String[Gen.Char["0123456789+-._:eE"], 1, 14]),
        (2, Gen.String[Gen.Char["0123456789abcdefxobABCDEFXOB+-_"], 1, 12]),
        (2, Gen.String[Gen.Char["0123456789-:.TtZz +"], 4, 26]),
        (1, Gen.Select(Gen.OneOfConst("", "+", "-"), Gen.Long).Select((sign, l) => sign + l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Select(Gen.OneOfConst("", "+", "-"), Gen.Double.Where(double.IsFinite)).Select((sign, d) => sign + Math.Abs(d).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));

    // yes/no/on/off/true/false/null/inf/nan in every mix of case, with and without a leading '.', '+' or '-'.
    private static readonly Gen<string> Words = Gen.Select(
        Gen.OneOfConst("yes", "no", "on", "off", "true", "false", "null", "inf", "nan", "y", "n", "infinity"),
        Gen.Bool.Array[8],
        Gen.OneOfConst("", ".", "-.", "+.", "-", "+"),
        (word, upper, prefix) => prefix + string.Concat(word.Select((c, i) => upper[i % 8] ? char.ToUpperInvariant(c) : c)));

    private static readonly Gen<string> Texts = Gen.Frequency(
        (6, NumberLike),
        (3, Words),
        (2, Gen.OneOfConst(ConfigGenerators.LookAlikes)),
        (1, Gen.OneOfConst(ConfigGenerators.Unicode)),
        (1, Gen.OneOfConst(OmegaConfCases.EdgeScalars)));

    [Fact]
    public void The_pinned_typing_tables_are_what_OmegaConf_loads()
    {
        oracle.Require();
        var rows = new List<(string Text, JsonNode? Expected)>();
        rows.AddRange(YamlConfigReaderTests.Booleans.Select(r => (r.Data.Item1, (JsonNode?)TypedValues.Encode(r.Data.Item2))));
        rows.AddRange(YamlConfigReaderTests.Integers.Select(r => (r.Data.Item1, (JsonNode?)TypedValues.Encode(r.Data.Item2))));
        rows.AddRange(YamlConfigReaderTests.Floats.Select(r => (r.Data.Item1, (JsonNode?)TypedValues.Encode(r.Data.Item2))));
        rows.AddRange(YamlConfigReaderTests.Strings.Select(r => (r.Data.Item1, (JsonNode?)TypedValues.Encode(r.Data.Item2))));
        rows.AddRange(YamlConfigReaderTests.Nulls.Select(r => (r.Data, (JsonNode?)TypedValues.Encode(null))));
        rows.AddRange(YamlConfigReaderTests.Unloadable.Select(r => (r.Data, (JsonNode?)null)));

        var answers = oracle.LoadMany([.. rows.Select(r => Document(r.Text))]);
        var wrong = rows.Zip(answers)
            .Where(p => p.First.Expected is null
                ? p.Second["error"] is null
                : !JsonNode.DeepEquals(WrapValue(p.First.Expected), p.Second["ok"]))
            .Select(p => $"{p.First.Text}: pinned {p.First.Expected?.ToJsonString() ?? "an error"}, OmegaConf {p.Second.ToJsonString()}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {rows.Count} pinned rows are not what OmegaConf loads:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Both_readers_type_plain_scalars_as_OmegaConf_does()
    {
        oracle.Require();
        var texts = new List<string>();
        Texts.Where(t => t.IndexOfAny(['\n', '\r']) < 0).Sample(texts.Add, iter: OmegaConfDifferential.Cases(4000), threads: 1, seed: OmegaConfDifferential.Seed);
        texts.AddRange(OmegaConfCases.EdgeScalars);

        var docs = texts.Select(Document).ToList();
        var answers = oracle.LoadMany(docs);
        var disagreements = new List<string>();
        int loaded = 0, fastAccepted = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            var theirs = answers[i];
            loaded += theirs["error"] is null ? 1 : 0;

            var (reference, referenceError) = Reference(docs[i]);
            if (referenceError is not null && referenceError.Contains("does not fit in 64 bits", StringComparison.Ordinal) && IsBeyond64Bits(theirs))
            {
                continue; // the one deliberate difference: Python's integers are unbounded, a config tree's are 64-bit
            }

            if (OmegaConfDifferential.Compare(theirs, reference, referenceError) is { } d)
            {
                disagreements.Add($"reference reader, v: {Show(texts[i])}\n{d}");
            }

            if (FastYamlReader.TryParse(docs[i], YamlReadOptions.Default, out var fast))
            {
                fastAccepted++;
                if (OmegaConfDifferential.Compare(theirs, TypedValues.Encode(fast ?? ConfigMapping.Empty), null) is { } f)
                {
                    disagreements.Add($"fast path, v: {Show(texts[i])}\n{f}");
                }
            }
        }

        output.WriteLine($"{docs.Count} scalars: OmegaConf loaded {loaded}, the fast path answered {fastAccepted}");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {docs.Count} scalars typed differently from OmegaConf:\n{string.Join("\n---\n", disagreements.Take(30))}");

        // Both outcomes exercised, and the fast path really answers (declining everything would pass the comparison).
        Assert.InRange(loaded, docs.Count / 2, docs.Count - 1);
        Assert.True(fastAccepted >= loaded * 9 / 10, $"the fast path answered only {fastAccepted} of the {loaded} single-scalar documents OmegaConf loads");
    }

    private static bool IsBeyond64Bits(JsonObject answer) =>
        answer["ok"]?["m"]?[0]?[1]?["i"]?.GetValue<string>() is { } digits && !long.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Document(string text) => "v: " + text + "\n";

    private static JsonNode WrapValue(JsonNode value) => new JsonObject { ["m"] = new JsonArray(new JsonArray(new JsonObject { ["s"] = "v" }, value.DeepClone())) };

    private static (JsonNode? Value, string? Error) Reference(string doc)
    {
        try
        {
            return (TypedValues.Encode(YamlConfigReader.ParseWithYamlDotNet(doc, null, YamlReadOptions.Default) ?? ConfigMapping.Empty), null);
        }
        catch (ConfigValidationException ex)
        {
            return (null, ex.Message);
        }
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
