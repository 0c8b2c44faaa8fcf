using System.Globalization;
using CsCheck;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Properties;

/// <summary>
/// CsCheck generators of config trees with every value type and the values that break writers and readers: floats with
/// exponents and at the edges of the format (1e300, 5e-324, -0.0, ±inf, nan), 64-bit extremes, strings that YAML 1.1
/// reads as something else when written plain (<c>yes</c>, <c>0x1F</c>, <c>1:30</c>, <c>~</c>, dates, <c>.inf</c>),
/// indicators, whitespace, controls and unicode, integer/float/bool keys next to their string look-alikes, empty
/// containers and chains nested close to the reader's depth limit. Shared keys make merges collide.
/// </summary>
internal static class ConfigGenerators
{
    /// <summary>Strings a plain YAML 1.1 scalar would read as a bool, int, float, null, date, alias, tag... or not at all.</summary>
    internal static readonly string[] LookAlikes =
    [
        "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "True", "false", "TRUE", "y", "n", "Y", "N",
        "~", "null", "Null", "NULL", "", "0", "-0", "+1", "017", "0o17", "0O17", "0x1F", "0X1F", "-0x1F", "0b101", "0B101",
        "1_000", "1__0", "_1", "1:30", "-1:30", "1:30.5", "1:3_0", "12:75", "190:20:30.15", "1.", ".5", "._5", "-.5",
        "1e3", "1E+5", "1e300", "5e-324", "1e400", "-0.0", "0.0", ".inf", "-.inf", "+.Inf", ".nan", ".NaN", "NaN", "inf",
        "Infinity", "2024-01-05", "2001-12-14t21:59:43.10-05:00", "2024-01-05T10:00:00Z", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "=", "<<", "!", "!!str", "&a", "*a", "%TAG", "@x", "`x",
        "- x", "-", "? x", "?", ":", "x:", ":x", "a: b", "#", "#x", "x #y", "x#y", "[1]", "{a: 1}", "a, b", "|", ">",
        "'", "\"", "'q'", "\"q\"", "it's", "\\", "\\n", " lead", "trail ", " ", "  ", "\t", "tab\there", "multi\nline",
        "line\n", "\n", "cr\rlf", "ctrl\u0001", "bell\u0007", "esc\u001b[31m", "del\u007f", "nel\u0085", "ls\u2028ps\u2029",
        "bom\uFEFF", "\uFEFFlead-bom", "nbsp\u00a0", "zw\u200bsp", "bidi\u202Eevil", "${a}", "\\${a}", "x${a}y", "${not-a-ref",
        "BTC/USDT", "5m", "1.0.0", "http://x:80/p?q=1#f", "key=value",
    ];

    /// <summary>Non-ASCII text: accents, combining marks, CJK, right-to-left scripts, emoji (surrogate pairs).</summary>
    internal static readonly string[] Unicode =
    [
        "é", "ünï", "e\u0301", "日本語", "中文: 值", "שלום", "مرحبا", "Ελληνικά", "😀", "emoji 😀 x", "👨‍👩‍👧", "Ω≈ç√", "ß",
        "ﬁ", "\U0001D54F", "한국어", "ру́сский",
    ];

    private static readonly Gen<string> StringGen = Gen.Frequency(
        (4, Gen.OneOfConst("text", "a", "name", "binance", "x y")),
        (5, Gen.OneOfConst(LookAlikes)),
        (2, Gen.OneOfConst(Unicode)),
        (3, Gen.String[Gen.Char[":-?#,[]{}&*!|>'\"%@`~. 0123456789eExob_+\t\n\\$yesnoftrualnYNTFOé\u2028\u0085\u00a0\u0001\u007f\uFEFF"], 0, 10]));

    private static readonly Gen<long> LongGen = Gen.Frequency(
        (4, Gen.Long[-1000, 1000]),
        (1, Gen.OneOfConst(long.MinValue, long.MinValue + 1, long.MaxValue, long.MaxValue - 1, int.MaxValue + 1L, int.MinValue - 1L, 1L << 53, (1L << 53) + 1)),
        (1, Gen.Long));

    private static readonly Gen<double> DoubleGen = Gen.Frequency(
        (4, Gen.Int[-4000, 4000].Select(i => i / 8.0)),
        (2, Gen.OneOfConst(
            1e300, -1e300, 5e-324, -5e-324, double.MaxValue, double.MinValue, double.Epsilon, 2.2250738585072014e-308,
            -0.0, 0.0, 0.1, 1e16, 1e15, 1e-5, 1e-7, 1.5e-7, 123456.789, 685230.15, 9007199254740993.0, 1.0 / 3,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity)),
        (2, Gen.Double.Where(double.IsFinite)),
        (1, Gen.Select(Gen.Int[1, 9], Gen.Int[-320, 308]).Select((m, e) => double.Parse($"{m}e{e}", CultureInfo.InvariantCulture))));

    private static readonly Gen<object?> Scalar = Gen.Frequency(
        (3, LongGen.Select(l => (object?)l)),
        (3, DoubleGen.Select(d => (object?)d)),
        (1, Gen.Bool.Select(b => (object?)b)),
        (1, Gen.Const(default(object))),
        (1, Gen.Const<object?>(MissingValue.Instance)),
        (6, StringGen.Select(s => (object?)s)));

    // A small pool of text keys (so merges collide) beside the numbers and bools that equal each other as keys, as in
    // Python (1, 1.0 and true are one key; '1' is another), their look-alikes, unicode and hostile text.
    private static readonly Gen<object> Key = Gen.Frequency(
        (6, Gen.OneOfConst<object>("a", "b", "c", "name", "0", "1", "yes", "true", "1.5", "x y")),
        (2, Gen.OneOfConst(LookAlikes).Where(k => k.Length > 0).Select(k => (object)k)),
        (1, Gen.OneOfConst(Unicode).Select(k => (object)k)),
        (2, Gen.Int[0, 3].Select(i => (object)(long)i)),
        (1, Gen.OneOfConst(long.MinValue, long.MaxValue, -1L).Select(l => (object)l)),
        (1, Gen.OneOfConst(1.5, -0.25, 0.5, 1e300, 5e-324, double.PositiveInfinity, double.NegativeInfinity, 2.0).Select(d => (object)d)),
        (1, Gen.Bool.Select(b => (object)b)));

    /// <summary>A scalar config value of any type, edge cases included.</summary>
    public static Gen<object?> ScalarValue => Scalar;

    /// <summary>A string scalar: look-alikes, unicode, indicators, controls and random text from a hostile alphabet.</summary>
    public static Gen<string> Text => StringGen;

    /// <summary>A mapping key: text, integer, float or bool.</summary>
    public static Gen<object> AnyKey => Key;

    public static Gen<object?> Value(int depth) => Value(Key, Scalar, depth);

    public static Gen<ConfigMapping> Mapping(int depth = 3) => Mapping(Key, Scalar, depth);

    /// <summary>Trees over the given keys and scalars (the OmegaConf round-trip test brings its own edge cases).</summary>
    public static Gen<object?> Value(Gen<object> key, Gen<object?> scalar, int depth) => depth <= 0
        ? scalar
        : Gen.Frequency(
            (5, scalar),
            (2, Mapping(key, scalar, depth - 1).Select(m => (object?)m)),
            (1, Value(key, scalar, depth - 1).Array[0, 4].Select(items => (object?)ConfigSequence.From(items))),
            (1, Gen.OneOfConst<object?>(ConfigMapping.Empty, ConfigSequence.Empty)),
            (1, Deep(key, scalar, 2, 24)));

    public static Gen<ConfigMapping> Mapping(Gen<object> key, Gen<object?> scalar, int depth) =>
        Gen.Select(key, Value(key, scalar, depth)).Array[0, 5].Select(entries =>
        {
            var builder = new ConfigMappingBuilder();
            foreach (var (k, v) in entries)
            {
                builder.TryAdd(k, v);
            }

            return builder.Build();
        });

    /// <summary>
    /// A chain of <paramref name="min"/>–<paramref name="max"/> nested mappings and lists (each level one or the other),
    /// ending in a scalar or an empty container: the nesting a reader, writer, merger or resolver must not lose.
    /// </summary>
    public static Gen<object?> Deep(Gen<object> key, Gen<object?> scalar, int min, int max) =>
        Gen.Select(Gen.Int[min, max], Gen.Bool.Array[max], key.Array[max], Gen.Frequency((3, scalar), (1, Gen.OneOfConst<object?>(ConfigMapping.Empty, ConfigSequence.Empty))))
            .Select((levels, asList, keys, leaf) =>
            {
                var node = leaf;
                for (var i = levels - 1; i >= 0; i--)
                {
                    node = asList[i] ? ConfigSequence.Of(node) : ConfigMapping.Of((keys[i], node));
                }

                return (object?)node;
            });
}
