using System.Globalization;
using System.Text;

namespace TradAI.Config.Core.Tree;

/// <summary>Helpers over the value types a config tree holds.</summary>
public static class ConfigValues
{
    /// <summary>Structural equality: mappings compare order-insensitively, numbers by value and type.</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case ConfigMapping ma when b is ConfigMapping mb:
                if (ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var (k, v) in ma.Entries)
                {
                    if (!mb.TryGetValue(k, out var other) || !DeepEquals(v, other))
                    {
                        return false;
                    }
                }

                return true;
            case ConfigSequence sa when b is ConfigSequence sb:
                if (sa.Count != sb.Count)
                {
                    return false;
                }

                for (var i = 0; i < sa.Count; i++)
                {
                    if (!DeepEquals(sa[i], sb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case double da when b is double db:
                return da.Equals(db);
            default:
                return a is not null && a.Equals(b);
        }
    }

    /// <summary>A short type name for messages (<c>mapping</c>, <c>list</c>, <c>int</c>...).</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        ConfigMapping => "mapping",
        ConfigSequence => "list",
        MissingValue => "missing (???)",
        _ => value.GetType().Name,
    };

    /// <summary>
    /// Renders a value as Python's <c>str()</c> does, which is what OmegaConf string interpolation produces
    /// (a mapping or list as Python prints it: <c>{'x': 1, 'y': [True, None]}</c>).
    /// </summary>
    public static string FormatScalar(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        string s => s,
        MissingValue => MissingValue.Literal,
        _ => PythonRepr(value),
    };

    /// <summary>
    /// As <see cref="FormatScalar(object?)"/>, but null when the text would be longer than <paramref name="maxLength"/>
    /// (given up as soon as it is: a mapping full of aliases of one long string is never written out).
    /// </summary>
    internal static string? FormatScalar(object? value, int maxLength)
    {
        if (value is not (ConfigMapping or ConfigSequence))
        {
            var text = FormatScalar(value);
            return text.Length <= maxLength ? text : null;
        }

        var sb = new StringBuilder();
        return AppendRepr(sb, value, maxLength) ? sb.ToString() : null;
    }

    /// <summary>Renders a value as Python's <c>repr()</c> does (strings quoted and escaped the way Python picks).</summary>
    public static string PythonRepr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value, int.MaxValue);
        return sb.ToString();
    }

    // False as soon as the text passes maxLength.
    private static bool AppendRepr(StringBuilder sb, object? value, int maxLength)
    {
        switch (value)
        {
            case string s:
                if (sb.Length + s.Length > maxLength)
                {
                    return false;
                }

                AppendStringRepr(sb, s);
                break;
            case MissingValue:
                sb.Append("'???'");
                break;
            case ConfigMapping m:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in m.Entries)
                {
                    sb.Append(first ? string.Empty : ", ");
                    if (!AppendRepr(sb, k, maxLength))
                    {
                        return false;
                    }

                    sb.Append(": ");
                    if (!AppendRepr(sb, v, maxLength))
                    {
                        return false;
                    }

                    first = false;
                }

                sb.Append('}');
                break;
            case ConfigSequence q:
                sb.Append('[');
                for (var i = 0; i < q.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ", ");
                    if (!AppendRepr(sb, q[i], maxLength))
                    {
                        return false;
                    }
                }

                sb.Append(']');
                break;
            default:
                sb.Append(FormatScalar(value));
                break;
        }

        return sb.Length <= maxLength;
    }

    // CPython's unicode_repr: single quotes unless the text has ' and no ", backslash escapes for the quote, \\, tab,
    // newline, carriage return, other control characters, and anything str.isprintable() rejects.
    private static void AppendStringRepr(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append((char)c);
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c < 0x20 || c == 0x7F)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{c:x2}");
            }
            else if (c < 0x7F || IsPrintable(rune))
            {
                sb.Append(rune.ToString());
            }
            else
            {
                sb.Append(c switch
                {
                    < 0x100 => string.Create(CultureInfo.InvariantCulture, $"\\x{c:x2}"),
                    < 0x10000 => string.Create(CultureInfo.InvariantCulture, $"\\u{c:x4}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\U{c:x8}"),
                });
            }
        }

        sb.Append(quote);
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, always with a dot or exponent.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-inf";
        }

        // Shortest round-trip digits, then Python's layout: fixed for 1e-4 <= |d| < 1e16, else d.ddde+XX.
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        string digits;
        int pointPos;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            var mantissa = r[..e];
            var exp = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            digits = mantissa.Replace(".", "", StringComparison.Ordinal);
            pointPos = (mantissa.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? dot : mantissa.Length) + exp;
        }
        else
        {
            var dot = r.IndexOf('.', StringComparison.Ordinal);
            var intPart = dot >= 0 ? r[..dot] : r;
            var fracPart = dot >= 0 ? r[(dot + 1)..] : string.Empty;
            digits = intPart + fracPart;
            pointPos = intPart.Length;
        }

        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointPos -= lead;
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        var sciExp = pointPos - 1;
        string body;
        if (sciExp is >= -4 and < 16)
        {
            body = pointPos <= 0
                ? "0." + new string('0', -pointPos) + digits
                : pointPos >= digits.Length
                    ? digits + new string('0', pointPos - digits.Length) + ".0"
                    : digits[..pointPos] + "." + digits[pointPos..];
        }
        else
        {
            body = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : string.Empty)
                + "e" + (sciExp < 0 ? "-" : "+") + Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture);
        }

        return negative ? "-" + body : body;
    }
}
