using System.Globalization;
using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Hashing;

/// <summary>
/// Canonical JSON per RFC 8785 (JCS): members sorted by UTF-16 code units, no whitespace, ECMAScript number
/// formatting and minimal string escaping. Two configs with the same content always give the same bytes,
/// whatever their key order or number spelling, which is what content addressing needs.
/// One deliberate extension: a float with a whole value keeps a <c>.0</c> (<c>2.0</c>, where JCS writes <c>2</c>),
/// because YAML, Python and .NET all read <c>2.0</c> and <c>2</c> as different types; so two configs that read back
/// differently never share a hash (as Python's <c>json.dumps</c> keeps them apart). -0.0 is written as <c>0.0</c>.
/// </summary>
/// <remarks>
/// Config trees may hold non-string keys (YAML allows them); they are written as their path form
/// (<see cref="ConfigPath.FormatKey"/>), as <see cref="ConfigJsonWriter"/> does. Integers beyond ±(2^53−1) and
/// non-finite floats have no exact canonical form and are rejected rather than silently rounded.
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>Largest integer an IEEE-754 double (and so a JCS number) holds exactly.</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical JSON text of a config value.</summary>
    /// <exception cref="ConfigValidationException">The value holds NaN/Infinity, an unsafe integer, a lone surrogate or colliding keys.</exception>
    public static string Canonicalize(object? value) => Build(value, keepFloatType: true);

    /// <summary>Strict RFC 8785 output (a whole-valued float written as an integer), for interoperating with other JCS implementations.</summary>
    /// <exception cref="ConfigValidationException">See <see cref="Canonicalize(object?)"/>.</exception>
    public static string CanonicalizeRfc8785(object? value) => Build(value, keepFloatType: false);

    private static string Build(object? value, bool keepFloatType)
    {
        var sb = new StringBuilder(1024);
        new Writer(sb, keepFloatType).Write(value, new List<object>(8));
        return sb.ToString();
    }

    /// <summary>The canonical JSON of a config value as UTF-8 bytes (what gets hashed).</summary>
    /// <exception cref="ConfigValidationException">See <see cref="Canonicalize(object?)"/>.</exception>
    public static byte[] CanonicalizeToUtf8(object? value) => ToUtf8(Canonicalize(value));

    /// <summary>Encodes canonical text as UTF-8, rejecting invalid Unicode.</summary>
    /// <exception cref="ConfigValidationException">The text has an unpaired surrogate.</exception>
    public static byte[] ToUtf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ConfigValidationException([new ValidationProblem(string.Empty, "text contains an unpaired UTF-16 surrogate, which is not valid Unicode")], null, ex);
        }
    }

    /// <summary>Formats a double as ECMAScript's <c>Number.prototype.toString()</c> does (RFC 8785 §3.2.2.3).</summary>
    /// <exception cref="ConfigValidationException">The value is NaN or infinite.</exception>
    public static string FormatNumber(double value, string path = "")
    {
        if (!double.IsFinite(value))
        {
            throw new ConfigValidationException(path, $"{(double.IsNaN(value) ? "NaN" : "Infinity")} has no JSON representation (RFC 8785 rejects it)");
        }

        if (value == 0)
        {
            return "0"; // also -0
        }

        // .NET Core 3.0+ "R" yields the shortest round-tripping digits, the same digits ECMAScript picks.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        var span = r.AsSpan(negative ? 1 : 0);
        var exp10 = 0;
        var e = span.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exp10 = int.Parse(span[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            span = span[..e];
        }

        // Collect digits; point = position of the decimal point within the digit string.
        Span<char> digitBuffer = stackalloc char[32];
        var count = 0;
        var point = -1;
        foreach (var c in span)
        {
            if (c == '.')
            {
                point = count;
            }
            else
            {
                digitBuffer[count++] = c;
            }
        }

        if (point < 0)
        {
            point = count;
        }

        point += exp10;
        var start = 0;
        while (start < count - 1 && digitBuffer[start] == '0')
        {
            start++;
            point--;
        }

        var end = count;
        while (end > start + 1 && digitBuffer[end - 1] == '0')
        {
            end--;
        }

        ReadOnlySpan<char> digits = digitBuffer[start..end];
        var k = digits.Length;
        var n = point; // value = 0.d1d2..dk × 10^n
        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits[..n]).Append('.').Append(digits[n..]);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits[1..]);
            }

            var exponent = n - 1;
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>A float as this canonical form writes it: <see cref="FormatNumber"/>, with <c>.0</c> kept on a whole value.</summary>
    /// <exception cref="ConfigValidationException">The value is NaN or infinite.</exception>
    public static string FormatFloat(double value, string path = "")
    {
        var text = FormatNumber(value, path);
        return value == Math.Floor(value) && text.AsSpan().IndexOfAny('.', 'e') < 0 ? text + ".0" : text;
    }

    private readonly struct Writer(StringBuilder sb, bool keepFloatType)
    {
        public void Write(object? value, List<object> path)
        {
            switch (value)
            {
                case null:
                    sb.Append("null");
                    break;
                case bool b:
                    sb.Append(b ? "true" : "false");
                    break;
                case long l:
                    if (l > MaxSafeInteger || l < -MaxSafeInteger)
                    {
                        throw new ConfigValidationException(ConfigPath.Join(path), "integer is outside ±(2^53−1) and has no exact canonical JSON form (RFC 8785); quote it as a string");
                    }

                    sb.Append(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    var p = double.IsFinite(d) ? string.Empty : ConfigPath.Join(path);
                    sb.Append(keepFloatType ? FormatFloat(d, p) : FormatNumber(d, p));
                    break;
                case string s:
                    WriteString(s, path);
                    break;
                case MissingValue:
                    WriteString(MissingValue.Literal, path);
                    break;
                case ConfigMapping m:
                    WriteObject(m, path);
                    break;
                case ConfigSequence seq:
                    sb.Append('[');
                    for (var i = 0; i < seq.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        path.Add(i);
                        Write(seq[i], path);
                        path.RemoveAt(path.Count - 1);
                    }

                    sb.Append(']');
                    break;
                default:
                    throw new ConfigValidationException(ConfigPath.Join(path), $"{value.GetType().Name} is not a config value");
            }
        }

        private void WriteObject(ConfigMapping mapping, List<object> path)
        {
            var entries = mapping.Entries;
            var keyed = new (string Name, object? Value, object Key)[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                keyed[i] = (ConfigPath.FormatKey(entries[i].Key), entries[i].Value, entries[i].Key);
            }

            // Ordinal string comparison in .NET compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks.
            Array.Sort(keyed, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            sb.Append('{');
            for (var i = 0; i < keyed.Length; i++)
            {
                if (i > 0)
                {
                    if (keyed[i].Name == keyed[i - 1].Name)
                    {
                        path.Add(keyed[i].Key);
                        throw new ConfigValidationException(
                            ConfigPath.Join(path),
                            $"keys of different types both read '{InputSanitizer.Sanitize(keyed[i].Name)}' in JSON; rename one");
                    }

                    sb.Append(',');
                }

                WriteString(keyed[i].Name, path);
                sb.Append(':');
                path.Add(keyed[i].Key);
                Write(keyed[i].Value, path);
                path.RemoveAt(path.Count - 1);
            }

            sb.Append('}');
        }

        private void WriteString(string s, List<object> path)
        {
            sb.Append('"');
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                        }
                        else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            sb.Append(c).Append(s[++i]);
                        }
                        else if (char.IsSurrogate(c))
                        {
                            throw new ConfigValidationException(ConfigPath.Join(path), "text contains an unpaired UTF-16 surrogate, which is not valid Unicode");
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }
    }
}
