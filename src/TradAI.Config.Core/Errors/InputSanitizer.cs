using System.Text;

namespace TradAI.Config.Core.Errors;

/// <summary>
/// The one place user input passes through before it appears in an error message (SPEC §4.1):
/// control characters removed, HTML special characters escaped, length capped.
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
        foreach (var c in input)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (kept == maxLength)
            {
                sb.Append('…');
                break;
            }

            kept++;
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
