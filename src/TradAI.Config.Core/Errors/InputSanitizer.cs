using System.Globalization;
using System.Text;
using TradAI.Config.Core.Inputs;

namespace TradAI.Config.Core.Errors;

/// <summary>
/// The one place user input passes through before it appears in an error message (SPEC §4.1):
/// unsafe characters (<see cref="UnsafeCharacters"/>: controls, bidi and zero-width characters) shown as visible
/// <c>\uXXXX</c> escapes — never silently dropped, so an invalid value cannot look valid — HTML special characters
/// escaped, and the length capped.
/// </summary>
public static class InputSanitizer
{
    /// <summary>Longest sanitized text, in characters, before the ellipsis.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>Makes <paramref name="input"/> safe to show in a message, log line or HTML page.</summary>
    public static string Sanitize(string? input, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Math.Min(input.Length, maxLength) + 16);
        var kept = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (kept == maxLength)
            {
                sb.Append('…');
                break;
            }

            kept++;
            var c = input[i];
            if (char.IsSurrogatePair(input, i) && UnsafeCharacters.IndexOfUnsafe(input.AsSpan(i, 2)) < 0)
            {
                sb.Append(c).Append(input[++i]);
                continue;
            }

            if (char.IsSurrogate(c) || UnsafeCharacters.IsUnsafe(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#x27;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
