using System.Buffers;
using System.Globalization;
using System.Numerics;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Types plain YAML scalars exactly as OmegaConf 2.2's loader does: PyYAML's YAML 1.1 implicit resolvers and
/// constructors, plus OmegaConf's extra float rule (<c>1e3</c>, <c>1.5e3</c>, <c>._5</c>) and minus the timestamp
/// rule (dates stay strings). So <c>yes/no/on/off</c> are booleans, <c>017</c> is octal but <c>0o17</c> a string,
/// <c>0x1F</c>/<c>0b101</c>/<c>1_000</c>/<c>1:30</c> are integers, <c>190:20:30.15</c> and <c>1.</c> floats, <c>-.5</c>
/// and <c>NaN</c> strings. Forms PyYAML matches but cannot construct (<c>0b_</c>, <c>0x_</c>, <c>._</c>) and the
/// <c>=</c> and <c>&lt;&lt;</c> values are errors there, and errors here.
/// </summary>
public static class YamlScalarResolver
{
    // Digits with PyYAML's '_' separators, per radix.
    private static readonly SearchValues<char> BinaryDigits = SearchValues.Create("01_");
    private static readonly SearchValues<char> OctalDigits = SearchValues.Create("01234567_");
    private static readonly SearchValues<char> DecimalDigits = SearchValues.Create("0123456789_");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF_");

    /// <summary>Resolves a plain (unquoted) scalar to null, bool, long, double, missing or string.</summary>
    /// <exception cref="ConfigValidationException">OmegaConf cannot load the scalar (see <see cref="TryResolvePlain"/>).</exception>
    public static object? ResolvePlain(string text) =>
        TryResolvePlain(text, out var value, out var problem) ? value : throw new ConfigValidationException(problem!);

    /// <summary>
    /// Resolves a plain scalar; false (with the reason) when PyYAML/OmegaConf would fail to load it, or when it is an
    /// integer beyond 64 bits (Python's integers are unbounded, a config tree's are not).
    /// </summary>
    public static bool TryResolvePlain(string text, out object? value, out string? problem)
    {
        problem = null;
        if (text.Length == 0)
        {
            value = null;
            return true;
        }

        var c = text[0];
        value = text;
        switch (c)
        {
            case 'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O':
                value = text switch
                {
                    "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => true,
                    "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => false,
                    "null" or "Null" or "NULL" => null,
                    _ => text,
                };
                return true;
            case '~':
                value = text.Length == 1 ? null : text;
                return true;
            case '?':
                value = text == MissingValue.Literal ? MissingValue.Instance : text;
                return true;
            case '=' or '<' when text is "=" or "<<":
                // PyYAML tags these !!value and !!merge and has no constructor for either.
                problem = $"the plain value '{text}' cannot be loaded by OmegaConf (PyYAML reads it as a YAML {(c == '=' ? "!!value" : "!!merge")} tag); quote it";
                return false;
            case (>= '0' and <= '9') or '-' or '+' or '.':
                return TryResolveNumber(text, ref value, out problem);
            default:
                return true;
        }
    }

    /// <summary>
    /// Why OmegaConf would refuse to load <paramref name="text"/> as a value: its grammar rejects the interpolation in it
    /// (<c>${a b}</c>, <c>${a</c>); null when it has no <c>${</c> or parses.
    /// </summary>
    public static string? InterpolationSyntaxError(string text) =>
        text.Contains("${", StringComparison.Ordinal) ? Merging.Grammar.InterpolationParser.Validate(text) : null;

    /// <summary>Whether a string would be read back as something other than itself if written plain.</summary>
    public static bool NeedsQuoting(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (!TryResolvePlain(text, out var value, out _) || value is not string)
        {
            return true;
        }

        // Indicators and whitespace that change meaning in plain style.
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ||
            "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var ch in text)
        {
            if (char.IsControl(ch) || ch is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
            {
                return true;
            }
        }

        return text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':');
    }

    /// <summary>Constructs a scalar tagged <c>!!bool</c> as PyYAML does: yes/no/true/false/on/off in any case.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "yes" or "true" or "on":
                value = true;
                return true;
            case "no" or "false" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Constructs a scalar tagged <c>!!int</c> as PyYAML does (its text need not match the implicit rule).</summary>
    public static bool TryParseInt(string text, out long value) => TryConstructInt(text, out value, out _);

    /// <summary>Constructs a scalar tagged <c>!!float</c> as PyYAML does (<c>!!float 5</c> is 5.0).</summary>
    public static bool TryParseFloat(string text, out double value) => TryConstructFloat(text, out value);

    private static bool TryResolveNumber(string text, ref object? value, out string? problem)
    {
        problem = null;
        var s = text.AsSpan();
        var plainDecimal = !s.ContainsAny('_', ':');
        if (IsInt(s))
        {
            // The common case, a decimal without separators, is what long.TryParse reads.
            var digits = s[0] is '+' or '-' ? s[1..] : s;
            if (plainDecimal && (digits.Length == 1 || digits[0] != '0') &&
                long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quick))
            {
                value = quick;
                return true;
            }

            if (TryConstructInt(text, out var l, out var overflow))
            {
                value = l;
                return true;
            }

            problem = overflow
                ? $"the integer '{Shorten(text)}' does not fit in 64 bits; quote it to keep it as text"
                : $"'{Shorten(text)}' cannot be loaded by OmegaConf (PyYAML matches it as an int but cannot convert it); quote it";
            return false;
        }

        if (IsFloat(s))
        {
            // The common case: digits, a point, an exponent — what Python's float() and double.TryParse agree on.
            if (plainDecimal && char.IsAsciiDigit(s[^1]) &&
                double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var quick))
            {
                value = quick;
                return true;
            }

            if (TryConstructFloat(text, out var d))
            {
                value = d;
                return true;
            }

            problem = $"'{Shorten(text)}' cannot be loaded by OmegaConf (PyYAML matches it as a float but cannot convert it); quote it";
            return false;
        }

        return true;
    }

    private static string Shorten(string text) => InputSanitizer.Sanitize(text.Length > 40 ? text[..40] + "…" : text);

    // PyYAML's int rule: [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+
    private static bool IsInt(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            s = s[1..];
        }

        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
        {
            return false;
        }

        if (s[0] == '0')
        {
            if (s.Length == 1)
            {
                return true;
            }

            return s[1] switch
            {
                'b' => s.Length > 2 && !s[2..].ContainsAnyExcept(BinaryDigits),
                'x' => s.Length > 2 && !s[2..].ContainsAnyExcept(HexDigits),
                _ => !s[1..].ContainsAnyExcept(OctalDigits),
            };
        }

        var i = 1;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }

        if (i == s.Length)
        {
            return true;
        }

        // Sexagesimal: one or more ":[0-5]?[0-9]" groups.
        return SexagesimalGroups(s[i..], out var rest) && rest.IsEmpty;
    }

    // Consumes (:[0-5]?[0-9])+ greedily as the regex would; false when there is not at least one group.
    private static bool SexagesimalGroups(ReadOnlySpan<char> s, out ReadOnlySpan<char> rest)
    {
        var groups = 0;
        while (s.Length >= 2 && s[0] == ':' && char.IsAsciiDigit(s[1]))
        {
            if (s.Length >= 3 && s[1] is >= '0' and <= '5' && char.IsAsciiDigit(s[2]))
            {
                s = s[3..];
            }
            else
            {
                s = s[2..];
            }

            groups++;
        }

        rest = s;
        return groups > 0;
    }

    // The union of PyYAML's and OmegaConf's float rules:
    //   [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)?   [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+   \.[0-9_]+([eE][-+][0-9]+)?
    //   [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*       [-+]?\.(inf|Inf|INF)               \.(nan|NaN|NAN)
    private static bool IsFloat(ReadOnlySpan<char> s)
    {
        if (s is ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        var signed = s.Length > 0 && s[0] is '-' or '+';
        var t = signed ? s[1..] : s;
        if (t is ".inf" or ".Inf" or ".INF")
        {
            return true;
        }

        if (t.Length == 0)
        {
            return false;
        }

        if (t[0] == '.')
        {
            // \.[0-9_]+([eE][-+][0-9]+)? — unsigned only.
            if (signed)
            {
                return false;
            }

            var j = 1;
            while (j < t.Length && (char.IsAsciiDigit(t[j]) || t[j] == '_'))
            {
                j++;
            }

            return j > 1 && Exponent(t[j..], signRequired: true);
        }

        if (!char.IsAsciiDigit(t[0]))
        {
            return false;
        }

        var i = 1;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || t[i] == '_'))
        {
            i++;
        }

        var rest = t[i..];
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest[0] == '.')
        {
            var f = 1;
            while (f < rest.Length && (char.IsAsciiDigit(rest[f]) || rest[f] == '_'))
            {
                f++;
            }

            return Exponent(rest[f..], signRequired: false);
        }

        if (rest[0] is 'e' or 'E')
        {
            return Exponent(rest, signRequired: false);
        }

        if (rest[0] == ':' && SexagesimalGroups(rest, out var afterGroups) && afterGroups.Length > 0 && afterGroups[0] == '.')
        {
            return !afterGroups[1..].ContainsAnyExcept(DecimalDigits);
        }

        return false;
    }

    // ([eE][-+]?[0-9]+)? to the end of the text (an empty span matches).
    private static bool Exponent(ReadOnlySpan<char> s, bool signRequired)
    {
        if (s.IsEmpty)
        {
            return true;
        }

        if (s[0] is not ('e' or 'E'))
        {
            return false;
        }

        s = s[1..];
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            s = s[1..];
        }
        else if (signRequired)
        {
            return false;
        }

        return s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');
    }

    // PyYAML's construct_yaml_int: drop '_', take the sign, then 0 / 0b / 0x / leading-0 octal / sexagesimal / decimal.
    private static bool TryConstructInt(string text, out long value, out bool overflow)
    {
        value = 0;
        overflow = false;
        var v = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (v.Length == 0)
        {
            return false;
        }

        var negative = v[0] == '-';
        if (v[0] is '-' or '+')
        {
            v = v[1..];
        }

        BigInteger magnitude;
        if (v == "0")
        {
            return true;
        }
        else if (v.StartsWith("0b", StringComparison.Ordinal))
        {
            if (!TryDigits(v.AsSpan(2), 2, out magnitude))
            {
                return false;
            }
        }
        else if (v.StartsWith("0x", StringComparison.Ordinal))
        {
            if (!TryDigits(v.AsSpan(2), 16, out magnitude))
            {
                return false;
            }
        }
        else if (v[0] == '0')
        {
            // Python's int(text, 8) also takes a "0o" prefix (reachable through an explicit !!int tag).
            if (!TryDigits(v.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? v.AsSpan(2) : v, 8, out magnitude))
            {
                return false;
            }
        }
        else if (v.Contains(':', StringComparison.Ordinal))
        {
            magnitude = BigInteger.Zero;
            foreach (var part in v.Split(':'))
            {
                if (!TryDigits(part, 10, out var p))
                {
                    return false;
                }

                magnitude = (magnitude * 60) + p;
            }
        }
        else if (!TryDigits(v, 10, out magnitude))
        {
            return false;
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed < long.MinValue || signed > long.MaxValue)
        {
            overflow = true;
            return false;
        }

        value = (long)signed;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, int radix, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (digits.IsEmpty)
        {
            return false;
        }

        // Up to 15 digits fit a long in any radix up to 16; only longer inputs pay for BigInteger.
        long small = 0;
        var useBig = digits.Length > 15;
        foreach (var ch in digits)
        {
            var d = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'a' and <= 'f' => ch - 'a' + 10,
                >= 'A' and <= 'F' => ch - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return false;
            }

            if (useBig)
            {
                value = (value * radix) + d;
            }
            else
            {
                small = (small * radix) + d;
            }
        }

        if (!useBig)
        {
            value = small;
        }

        return true;
    }

    // PyYAML's construct_yaml_float: drop '_', lower-case, take the sign, then .inf / .nan / sexagesimal / float().
    private static bool TryConstructFloat(string text, out double value)
    {
        value = 0;
        var v = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (v.Length == 0)
        {
            return false;
        }

        var sign = v[0] == '-' ? -1.0 : 1.0;
        if (v[0] is '-' or '+')
        {
            v = v[1..];
        }

        if (v == ".inf")
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        if (v == ".nan")
        {
            value = double.NaN;
            return true;
        }

        if (v.Contains(':', StringComparison.Ordinal))
        {
            var parts = v.Split(':');
            var sum = 0.0;
            double weight = 1;
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                if (!TryPythonFloat(parts[i], out var digit))
                {
                    return false;
                }

                sum += digit * weight;
                weight *= 60;
            }

            value = sign * sum;
            return true;
        }

        if (!TryPythonFloat(v, out var parsed))
        {
            return false;
        }

        value = sign * parsed;
        return true;
    }

    // Python's float() on an unsigned, lower-cased text without '_'.
    private static bool TryPythonFloat(string s, out double value)
    {
        switch (s)
        {
            case "inf" or "infinity":
                value = double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        value = 0;
        if (s.Length == 0 || s.AsSpan().IndexOfAny('+', '-') == 0 || !s.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        return double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }
}
