using System.Text;
using CsCheck;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// CsCheck generators of YAML documents for the OmegaConf differential tests. Documents are generated as text
/// (not through the project's writer) so plain scalars can be any YAML 1.1 edge case: keys come from a small pool
/// that collides often across documents (and includes edge-case keys), values mix the edge cases of the issue,
/// ordinary config values, quoted look-alikes, <c>???</c>, nulls, empty and nested mappings and lists, and
/// interpolations (absolute, relative, string interpolation, <c>oc.env</c> with defaults, broken ones).
/// </summary>
internal static class OmegaConfCases
{
    /// <summary>A generated YAML node; <see cref="Scalar.FlowText"/> is null when the scalar cannot appear in flow style.</summary>
    internal abstract record Node;

    internal sealed record Scalar(string Text, string? FlowText) : Node;

    internal sealed record Map(IReadOnlyList<(string Key, Node Value)> Entries, bool Flow) : Node;

    internal sealed record Seq(IReadOnlyList<Node> Items, bool Flow) : Node;

    // Keys that interpolations refer to, so references hit, miss, and point at every kind of node.
    private static readonly string[] NameKeys = ["a", "b", "c", "x", "k"];

    private static readonly string[] EdgeKeys =
    [
        "1", "0x1", "1.0", "true", "yes", "0o17", "\"1\"", "'a'", "2024-01-05", ".inf", "1:30", "0", "false", "off",
        "-1", "1_0", "10", "???", "\"\"", "y", "1.5", "0.0", "TRUE", "\"true\"", "null",
    ];

    /// <summary>The YAML 1.1 cases of issue 10 and their neighbours, written plain.</summary>
    internal static readonly string[] EdgeScalars =
    [
        "017", "0o17", "-0o17", "0x1F", "0b101", "1.", "+5", "-.0", ".5", "1_000", "1__0", "12:30", "1:20:30",
        "190:20:30.15", "1e3", "NaN", ".nan", ".inf", "-.inf", "+.inf", "yes", "on", "TRUE", "y", "n", "~", "NULL",
        "2024-01-05", "0", "-0", "00", "09", "0_", "1_", "_1", "1:60", "0:30", "1e", "1E+5", ".5e3", ".5e+3", "1.5e3",
        "0e0", "-1e-5", "1e400", "9223372036854775807", "-9223372036854775808", "0b_", "0x_", "._", "Off", "oFF",
        "True", "False", "null", "Null", "0.1", "-1:30", "+0x1F", "0x-1", "1.e+3", "00.5", "0_1", "0b2", "1.2.3",
        "2024-01-05T10:00:00", "12:30:45", "-190:20:30.15", "+.5", "-.5", "1_000.5", ".0", "0.", "-0.0", "+1",
        "1:2.5", "0x_1", "0b1_0", "1e+400", "0x", "0o7", "+0", "1:00", "1:0:0", "0.5e-3", "1_2:3_0", "-0x1F",
        "1.5E3", "1e-3", "+.inf", ".Inf", "-.INF", ".NaN", "NO", "On", "nO", "=", "<<", "3.",
    ];

    private static readonly string[] OrdinaryScalars =
    [
        "hello", "BTC/USDT", "5m", "1h", "0.001", "100", "-3", "3.14", "1.0.0", "http://x:8080/y", "a b", "x:y",
        "-x", "?x", "binance", "2", "1.5", "0.25", "a", "b", "x", "c", "k", "1", "ünï", "x # not a comment?",
    ];

    private static readonly string[] QuotedScalars =
    [
        "\"0o17\"", "'017'", "\"true\"", "\"???\"", "''", "\"\"", "'yes'", "\"1.5\"", "\"null\"", "\"~\"", "'a: b'",
        "\"x\\ny\"", "'#x'", "\" pad \"", "\"ünï\"", "'it''s'", "\"1e3\"", "'2024-01-05'", "\"12:30\"", "'.inf'",
    ];

    private static readonly string[] Interpolations =
    [
        "${a}", "${b}", "${c.x}", "${a.b}", "${x.k}", "${.a}", "${.b}", "${..a}", "${..x}", "${a[0]}", "${b[1]}",
        "${a.0}", "pre_${a}", "${a}_${b}", "${oc.env:TRADAI_DT_SET}", "${oc.env:TRADAI_DT_NUM}",
        "${oc.env:TRADAI_DT_UNSET,fallback}", "${oc.env:TRADAI_DT_UNSET,null}", "${oc.env:TRADAI_DT_UNSET,5}",
        "${oc.env:TRADAI_DT_UNSET,true}", "${oc.env:TRADAI_DT_UNSET,1.5}", "${oc.env:TRADAI_DT_UNSET,1e3}",
        "${oc.env:TRADAI_DT_UNSET}", "${oc.env:TRADAI_DT_EMPTY,x}", "${oc.env:TRADAI_DT_UNSET,'5'}", "${missing}",
        "\\${a}", "${a.${k}}", "${1}", "${oc.env:TRADAI_DT_UNSET,${a}}", "${oc.env:TRADAI_DT_UNSET, spaced out }",
        "${ a }", "${x}", "${c}", "${k}", "${..b.c}", "${.x.a}",
    ];

    private static readonly string[] QuotedInterpolations = ["\"${a}:${b}\"", "'${b}'", "\"${oc.env:TRADAI_DT_SET}/x\"", "\"${a}\"", "' ${a}'"];

    private static Gen<Node> Plain(string[] pool, Func<string, string?> flow) => Gen.OneOfConst(pool).Select(t => (Node)new Scalar(t, flow(t)));

    private static string? PlainFlowText(string text) =>
        text.Length == 0 || text.IndexOfAny([',', '[', ']', '{', '}', '#']) >= 0 || text.Contains(": ", StringComparison.Ordinal) ? null : text;

    private static string SingleQuoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static readonly Gen<Node> ScalarGen = Gen.Frequency(
        (4, Plain(EdgeScalars, PlainFlowText)),
        (3, Plain(OrdinaryScalars, PlainFlowText)),
        (2, Plain(QuotedScalars, t => t)),
        (3, Plain(Interpolations, SingleQuoted)),
        (1, Plain(QuotedInterpolations, t => t)),
        (1, Gen.Const<Node>(new Scalar("???", "???"))),
        (1, Gen.Const<Node>(new Scalar(string.Empty, null))));

    private static readonly Gen<string> KeyGen = Gen.Frequency((8, Gen.OneOfConst(NameKeys)), (2, Gen.OneOfConst(EdgeKeys)));

    private static Gen<Node> NodeGen(int depth) => depth <= 0
        ? Gen.Frequency((8, ScalarGen), (1, Gen.Const<Node>(new Map([], false))), (1, Gen.Const<Node>(new Seq([], false))))
        : Gen.Frequency(
            (6, ScalarGen),
            (3, MapGen(depth - 1).Select(m => (Node)m)),
            (2, SeqGen(depth - 1).Select(s => (Node)s)),
            (1, Gen.Const<Node>(new Map([], false))),
            (1, Gen.Const<Node>(new Seq([], false))));

    private static Gen<Map> MapGen(int depth) =>
        Gen.Select(Gen.Select(KeyGen, NodeGen(depth)).Array[0, 4], Gen.Int[0, 9], Gen.Int[0, 3], (entries, dedupe, flow) =>
        {
            // Mostly distinct key texts (a repeated key is only an error in both); sometimes keep the repeats.
            IEnumerable<(string, Node)> chosen = dedupe > 0 ? entries.DistinctBy(e => e.Item1) : entries;
            return new Map([.. chosen], flow == 0);
        });

    private static Gen<Seq> SeqGen(int depth) =>
        Gen.Select(NodeGen(depth).Array[0, 3], Gen.Int[0, 3], (items, flow) => new Seq(items, flow == 0));

    /// <summary>One top-level document: a mapping, sometimes empty (written as <c>{}</c> or as nothing).</summary>
    public static readonly Gen<string> Document = Gen.Select(MapGen(3), Gen.Bool, (m, emptyAsNothing) =>
        m.Entries.Count == 0 && emptyAsNothing ? string.Empty : Render(m));

    /// <summary>One to three documents merged left to right (mostly two: a base and an override).</summary>
    public static readonly Gen<string[]> Documents = Gen.Frequency(
        (1, Document.Array[1]),
        (6, Document.Array[2]),
        (2, Document.Array[3]));

    /// <summary>Prints a case for a failure message.</summary>
    public static string Print(string[] docs) =>
        string.Join(string.Empty, docs.Select((d, i) => $"\n--- document {i + 1} ---\n{d}"));

    public static string Render(Map root)
    {
        var sb = new StringBuilder();
        if (root.Entries.Count == 0)
        {
            return "{}\n";
        }

        if (root.Flow && FlowText(root) is { } flow)
        {
            return flow + "\n";
        }

        BlockMap(root, 0, sb);
        return sb.ToString();
    }

    private static void BlockMap(Map map, int indent, StringBuilder sb)
    {
        foreach (var (key, value) in map.Entries)
        {
            sb.Append(' ', indent).Append(key).Append(':');
            AfterIndicator(value, indent, sb);
        }
    }

    // What follows "key:" or "-": an inline value, or a nested block on the next lines.
    private static void AfterIndicator(Node value, int indent, StringBuilder sb)
    {
        switch (value)
        {
            case Scalar { Text.Length: 0 }:
                sb.Append('\n');
                break;
            case Scalar s:
                sb.Append(' ').Append(s.Text).Append('\n');
                break;
            case Map { Entries.Count: 0 }:
                sb.Append(" {}\n");
                break;
            case Seq { Items.Count: 0 }:
                sb.Append(" []\n");
                break;
            case Map { Flow: true } or Seq { Flow: true } when FlowText(value) is { } flow:
                sb.Append(' ').Append(flow).Append('\n');
                break;
            case Map m:
                sb.Append('\n');
                BlockMap(m, indent + 2, sb);
                break;
            case Seq q:
                sb.Append('\n');
                BlockSeq(q, indent + 2, sb);
                break;
        }
    }

    private static void BlockSeq(Seq seq, int indent, StringBuilder sb)
    {
        foreach (var item in seq.Items)
        {
            sb.Append(' ', indent).Append('-');
            if (item is Map { Entries.Count: > 0 } m && !(m.Flow && FlowText(m) is not null))
            {
                // "- key: value" with the mapping's other keys under the first one.
                var inner = new StringBuilder();
                BlockMap(m, indent + 2, inner);
                sb.Append(' ').Append(inner.ToString(indent + 2, inner.Length - indent - 2));
            }
            else
            {
                AfterIndicator(item, indent, sb);
            }
        }
    }

    private static string? FlowText(Node node)
    {
        switch (node)
        {
            case Scalar s:
                return s.FlowText;
            case Map m:
                var entries = new List<string>();
                foreach (var (k, v) in m.Entries)
                {
                    if (FlowText(v) is not { } text)
                    {
                        return null;
                    }

                    entries.Add($"{k}: {text}");
                }

                return "{" + string.Join(", ", entries) + "}";
            case Seq q:
                var items = new List<string>();
                foreach (var item in q.Items)
                {
                    if (FlowText(item) is not { } text)
                    {
                        return null;
                    }

                    items.Add(text);
                }

                return "[" + string.Join(", ", items) + "]";
            default:
                return null;
        }
    }
}
