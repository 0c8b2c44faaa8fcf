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

    /// <summary>A mapping; <see cref="Anchor"/> puts <c>&amp;An</c> on it, <see cref="Merge"/> starts it with <c>&lt;&lt;: *An</c> (1) or a list of two (2).</summary>
    internal sealed record Map(IReadOnlyList<(string Key, Node Value)> Entries, bool Flow, bool Anchor = false, int Merge = 0) : Node;

    /// <summary><c>*An</c>: an alias of the latest anchored mapping (null when none is defined yet).</summary>
    internal sealed record Alias : Node;

    internal sealed record Seq(IReadOnlyList<Node> Items, bool Flow) : Node;

    // Keys that interpolations refer to, so references hit, miss, and point at every kind of node.
    private static readonly string[] NameKeys = ["a", "b", "c", "x", "k"];

    private static readonly string[] EdgeKeys =
    [
        "1", "0x1", "1.0", "true", "yes", "0o17", "\"1\"", "'a'", "2024-01-05", ".inf", "1:30", "0", "false", "off",
        "-1", "1_0", "10", "???", "\"\"", "y", "1.5", "0.0", "TRUE", "\"true\"", "null", "'a.b'", "'${a}'", "=",
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
        "${ a }", "${x}", "${c}", "${k}", "${..b.c}", "${.x.a}", "${.0}", "${[a]}", "${a[b]}", "${a.b.c}",
        "\\\\${a}", "$${a}", "${a}$", "x${a}y${b}z", "${oc.env:TRADAI_DT_UNSET,${oc.env:TRADAI_DT_SET}}",
        "${oc.env:TRADAI_DT_UNSET,a\\,b}", "${oc.env:TRADAI_DT_UNSET,-.5}", "${oc.env:TRADAI_DT_UNSET,0x1F}",
        "${oc.env:TRADAI_DT_UNSET,1_000}", "${oc.env:TRADAI_DT_UNSET,[1,2]}", "${oc.env:TRADAI_DT_UNSET,NULL}",
        "${oc.env:TRADAI_DT_UNSET,}", "${oc.env:,x}", "${oc.env:TRADAI_DT_UNSET,a,b}", "${env:TRADAI_DT_SET}",
        "${oc.env:TRADAI_DT_UNSET,${k}}", "${}", "${a", "${a b}", "${a.}", "${oc.env:TRADAI_DT_UNSET,inf}",
    ];

    private static readonly string[] QuotedInterpolations =
    [
        "\"${a}:${b}\"", "'${b}'", "\"${oc.env:TRADAI_DT_SET}/x\"", "\"${a}\"", "' ${a}'",
        "\"${oc.env:TRADAI_DT_UNSET,{a: 1, b: [x]}}\"", "\"${oc.env:TRADAI_DT_UNSET,'q,uoted'}\"",
        "\"${oc.env:TRADAI_DT_UNSET,\\\"dq\\\"}\"", "'${oc.env:TRADAI_DT_UNSET, a b }'", "'${a}, ${b}: ${c}'",
    ];

    private static readonly string[] TaggedScalars =
    [
        "!!str 017", "!!int '0x1F'", "!!float 1", "!!bool YES", "!!null x", "!!int 0o17", "!!int 1_0", "!!float ._",
        "!!str", "!!float '1e3'", "!!int 1.5", "!!str ???",
    ];

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
        (1, Plain(TaggedScalars, PlainFlowText)),
        (1, Gen.Const<Node>(new Scalar("???", "???"))),
        (1, Gen.Const<Node>(new Scalar(string.Empty, null))));

    // Fewer ways to fail, so more cases compare values: no unloadable scalars, only well-formed interpolations.
    private static readonly string[] Unloadable = ["0b_", "0x_", "._", "=", "<<"];

    private static readonly Gen<Node> CleanScalarGen = Gen.Frequency(
        (4, Plain([.. EdgeScalars.Except(Unloadable)], PlainFlowText)),
        (3, Plain(OrdinaryScalars, PlainFlowText)),
        (2, Plain(QuotedScalars, t => t)),
        (2, Plain(["${a}", "${b}", "${.a}", "${..a}", "pre_${a}", "${oc.env:TRADAI_DT_SET}", "${oc.env:TRADAI_DT_UNSET,fallback}", "${oc.env:TRADAI_DT_UNSET,true}", "\\${a}"], SingleQuoted)),
        (1, Plain(["\"${a}:${b}\"", "'${b}'"], t => t)),
        (1, Gen.Const<Node>(new Scalar("???", "???"))),
        (1, Gen.Const<Node>(new Scalar(string.Empty, null))));

    private static readonly Gen<string> KeyGen = Gen.Frequency((8, Gen.OneOfConst(NameKeys)), (2, Gen.OneOfConst(EdgeKeys)));

    private static Gen<Node> NodeGen(Gen<Node> scalars, int depth) => depth <= 0
        ? Gen.Frequency((8, scalars), (1, Gen.Const<Node>(new Map([], false))), (1, Gen.Const<Node>(new Seq([], false))))
        : Gen.Frequency(
            (6, scalars),
            (1, Gen.Const<Node>(new Alias())),
            (3, MapGen(scalars, depth - 1).Select(m => (Node)m)),
            (2, SeqGen(scalars, depth - 1).Select(s => (Node)s)),
            (1, Gen.Const<Node>(new Map([], false))),
            (1, Gen.Const<Node>(new Seq([], false))));

    private static Gen<Map> MapGen(Gen<Node> scalars, int depth) =>
        Gen.Select(Gen.Select(KeyGen, NodeGen(scalars, depth)).Array[0, 4], Gen.Int[0, 9], Gen.Int[0, 3], Gen.Int[0, 11], (entries, dedupe, flow, anchors) =>
        {
            // Mostly distinct key texts (a repeated key is only an error in both); sometimes keep the repeats.
            IEnumerable<(string, Node)> chosen = dedupe > 0 ? entries.DistinctBy(e => e.Item1) : entries;
            return new Map([.. chosen], flow == 0, Anchor: anchors is 1 or 2, Merge: anchors switch { 3 => 1, 4 => 2, _ => 0 });
        });

    private static Gen<Seq> SeqGen(Gen<Node> scalars, int depth) =>
        Gen.Select(NodeGen(scalars, depth).Array[0, 3], Gen.Int[0, 3], (items, flow) => new Seq(items, flow == 0));

    private static Gen<string> DocumentOf(Gen<Node> scalars) => Gen.Select(MapGen(scalars, 3), Gen.Bool, (m, emptyAsNothing) =>
        m.Entries.Count == 0 && emptyAsNothing ? string.Empty : Render(m));

    /// <summary>One top-level document: a mapping, sometimes empty (written as <c>{}</c> or as nothing).</summary>
    public static readonly Gen<string> Document = DocumentOf(ScalarGen);

    private static readonly Gen<string> CleanDocument = DocumentOf(CleanScalarGen);

    /// <summary>One to three documents merged left to right (mostly two: a base and an override); in some cases every
    /// scalar is drawn from the pool with fewer ways to fail.</summary>
    public static readonly Gen<string[]> Documents = Gen.Frequency(
        (1, Document.Array[1]),
        (4, Document.Array[2]),
        (2, Document.Array[3]),
        (3, CleanDocument.Array[2]),
        (1, CleanDocument.Array[3]));

    /// <summary>Prints a case for a failure message.</summary>
    public static string Print(string[] docs) =>
        string.Join(string.Empty, docs.Select((d, i) => $"\n--- document {i + 1} ---\n{d}"));

    public static string Render(Map root) => new Renderer().Document(root);

    // Renders block YAML (flow where a node asks for it and can be written so), numbering anchors as it goes.
    private sealed class Renderer
    {
        private readonly StringBuilder _sb = new();
        private readonly Stack<int> _open = new();
        private int _anchors;
        private int _first;
        private int _last;

        public string Document(Map root)
        {
            if (root.Entries.Count == 0 && root.Merge == 0)
            {
                return "{}\n";
            }

            if (root.Flow && FlowText(root) is { } flow)
            {
                return flow + "\n";
            }

            BlockMap(root, 0);
            return _sb.ToString();
        }

        // Aliases and merges refer to complete anchored mappings only: PyYAML also allows an alias to an enclosing
        // anchor (a recursive document), which this project refuses (see YamlConfigReaderTests).
        private string MergeLine(int merge) => merge switch
        {
            1 => $"<<: *A{_last}",
            _ => $"<<: [*A{_first}, *A{_last}]",
        };

        private bool HasMerge(Map m) => m.Merge > 0 && _last > 0;

        private string AliasText => _last > 0 ? $"*A{_last}" : "~";

        private string AnchorPrefix(Map m)
        {
            if (!m.Anchor)
            {
                return string.Empty;
            }

            _open.Push(++_anchors);
            return $"&A{_anchors} ";
        }

        private void Close(Map m)
        {
            if (m.Anchor && _open.Count > 0)
            {
                _last = _open.Pop();
                _first = _first == 0 ? _last : _first;
            }
        }

        private void BlockMap(Map map, int indent)
        {
            if (HasMerge(map))
            {
                _sb.Append(' ', indent).Append(MergeLine(map.Merge)).Append('\n');
            }

            foreach (var (key, value) in map.Entries)
            {
                _sb.Append(' ', indent).Append(key).Append(':');
                AfterIndicator(value, indent, allowAnchor: true);
            }
        }

        // What follows "key:" or "-": an inline value, or a nested block on the next lines.
        private void AfterIndicator(Node value, int indent, bool allowAnchor)
        {
            switch (value)
            {
                case Alias:
                    _sb.Append(' ').Append(AliasText).Append('\n');
                    break;
                case Scalar { Text.Length: 0 }:
                    _sb.Append('\n');
                    break;
                case Scalar s:
                    _sb.Append(' ').Append(s.Text).Append('\n');
                    break;
                case Map { Entries.Count: 0 } m when !HasMerge(m):
                    _sb.Append(' ').Append(allowAnchor ? AnchorPrefix(m) : string.Empty).Append("{}\n");
                    Close(m);
                    break;
                case Seq { Items.Count: 0 }:
                    _sb.Append(" []\n");
                    break;
                case Map { Flow: true } m when allowAnchor && FlowText(m) is not null:
                    var anchor = AnchorPrefix(m);
                    _sb.Append(' ').Append(anchor).Append(FlowText(m)).Append('\n');
                    Close(m);
                    break;
                case Seq { Flow: true } when FlowText(value) is { } flow:
                    _sb.Append(' ').Append(flow).Append('\n');
                    break;
                case Map m:
                    _sb.Append(allowAnchor && m.Anchor ? " " + AnchorPrefix(m).TrimEnd() : string.Empty).Append('\n');
                    BlockMap(m, indent + 2);
                    if (allowAnchor)
                    {
                        Close(m);
                    }

                    break;
                case Seq q:
                    _sb.Append('\n');
                    BlockSeq(q, indent + 2);
                    break;
            }
        }

        private void BlockSeq(Seq seq, int indent)
        {
            foreach (var item in seq.Items)
            {
                _sb.Append(' ', indent).Append('-');
                if (item is Map m && (m.Entries.Count > 0 || HasMerge(m)) && !(m.Flow && FlowText(m) is not null))
                {
                    // "- key: value" with the mapping's other keys under the first one.
                    var start = _sb.Length;
                    BlockMap(m, indent + 2);
                    _sb.Remove(start, indent + 1).Insert(start, ' ');
                }
                else
                {
                    AfterIndicator(item, indent, allowAnchor: false);
                }
            }
        }

        private string? FlowText(Node node)
        {
            switch (node)
            {
                case Scalar s:
                    return s.FlowText;
                case Alias:
                    return AliasText;
                case Map m:
                    var entries = new List<string>();
                    if (HasMerge(m))
                    {
                        entries.Add(MergeLine(m.Merge));
                    }

                    foreach (var (k, v) in m.Entries)
                    {
                        if (v is Map { Anchor: true } || FlowText(v) is not { } text)
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
                        if (item is Map { Anchor: true } || FlowText(item) is not { } text)
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
}
