using System.Globalization;
using System.Numerics;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Types plain YAML scalars as PyYAML's YAML 1.1 resolver does with OmegaConf's loader tweaks:
/// <c>yes/no/on/off</c> are booleans, <c>0x</c>/<c>0o</c>/<c>0b</c>/leading-zero octal and sexagesimal are integers,
/// <c>1e3</c> is a float (OmegaConf's fix), timestamps stay strings (OmegaConf drops that resolver).
/// </summary>
public static class YamlScalarResolver
{
    /// <summary>Resolves a plain (unquoted) scalar to null, bool, long, double, missing or string.</summary>
    public static object? ResolvePlain(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var c = text[0];
        // Fast path: most plain scalars in a config are words.
        if (char.IsAsciiLetter(c) && !(c is 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'y' or 'Y' or 'o' or 'O'))
        {
            return text;
        }

        switch (text)
        {
            case "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return false;
            case MissingValue.Literal:
                return MissingValue.Instance;
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            if (TryParseInt(text, out var number))
            {
                return number;
            }

            if (TryParseFloat(text, out var d))
            {
                return d;
            }
        }

        return text;
    }

    /// <summary>Whether a string would be read back as something other than itself if written plain.</summary>
    public static bool NeedsQuoting(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (ResolvePlain(text) is not string)
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

    /// <summary>YAML 1.1 integer forms; <c>_</c> separators are allowed as PyYAML allows them.</summary>
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0)
        {
            return false;
        }

        BigInteger magnitude;
        if (span.Length > 2 && span[0] == '0' && (span[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B'))
        {
            var radix = span[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, _ => 2 };
            if (!TryDigits(span[2..], radix, out magnitude))
            {
                return false;
            }
        }
        else if (span.Contains(':'))
        {
            // Sexagesimal: 1:30 == 90 (PyYAML YAML 1.1).
            if (span[0] is < '1' or > '9')
            {
                return false;
            }

            magnitude = BigInteger.Zero;
            var first = true;
            foreach (var part in span.ToString().Split(':'))
            {
                if (part.Length == 0 || !TryDigits(part, 10, out var p) || (!first && (part.Replace("_", "", StringComparison.Ordinal).Length > 2 || p > 59)))
                {
                    return false;
                }

                magnitude = (magnitude * 60) + p;
                first = false;
            }
        }
        else if (span.Length > 1 && span[0] == '0')
        {
            // Leading zero: YAML 1.1 octal (017 == 15).
            if (!TryDigits(span[1..], 8, out magnitude))
            {
                return false;
            }
        }
        else
        {
            if (span[0] == '_' || !TryDigits(span, 10, out magnitude))
            {
                return false;
            }
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed < long.MinValue || signed > long.MaxValue)
        {
            return false;
        }

        value = (long)signed;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, int radix, out BigInteger value)
    {
        value = BigInteger.Zero;
        var any = false;
        foreach (var ch in digits)
        {
            if (ch == '_')
            {
                continue;
            }

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

            value = (value * radix) + d;
            any = true;
        }

        return any;
    }

    /// <summary>OmegaConf's float regex: <c>1.5</c>, <c>1e3</c>, <c>.5</c>, <c>1_000.5</c>, <c>.inf</c>, <c>-.inf</c>, <c>.nan</c>.</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        var s = text.AsSpan();
        var i = 0;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            i++;
        }

        var intDigits = 0;
        if (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
            {
                intDigits++;
                i++;
            }
        }

        var hasDot = false;
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            hasDot = true;
            i++;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
            {
                fracDigits++;
                i++;
            }
        }

        var hasExp = false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            hasExp = true;
            i++;
            var signed = i < s.Length && (s[i] == '-' || s[i] == '+');
            if (signed)
            {
                i++;
            }

            // ".5e-3" needs a signed exponent in the regex when there is no integer part.
            if (intDigits == 0 && !signed)
            {
                return false;
            }

            var expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                expDigits++;
                i++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        var valid = intDigits > 0
            ? hasDot || hasExp
            : s[0] == '.' && fracDigits > 0; // "-.5" is not in OmegaConf's regex
        if (!valid)
        {
            return false;
        }

        var cleaned = text.Replace("_", "", StringComparison.Ordinal);
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
