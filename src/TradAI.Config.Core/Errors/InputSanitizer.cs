using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using TradAI.Config.Core.Inputs;

namespace TradAI.Config.Core.Errors;

/// <summary>
/// The one place user input passes through before it appears in a message (SPEC §4.1), sanitized for the medium that
/// shows it. Messages are plain text: <see cref="Sanitize"/> shows unsafe characters (<see cref="UnsafeCharacters"/>:
/// controls, bidi and zero-width characters, which can rewrite a terminal or hide text) as visible <c>\uXXXX</c>
/// escapes — never silently dropped, so an invalid value cannot look valid — and caps the length. Markup is escaped
/// only where markup is produced: <see cref="ForHtml"/> for a web page, never on a terminal or in a log line.
/// </summary>
public static class InputSanitizer
{
    /// <summary>Longest sanitized text, in characters, before the ellipsis.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>Makes <paramref name="input"/> safe to show in a plain-text message, log line or terminal.</summary>
    public static string Sanitize(string? input, int maxLength = DefaultMaxLength) => Escape(input, maxLength, keepLineBreaks: false);

    /// <summary>
    /// Makes a whole message (already sanitized pieces included) safe for a terminal: unsafe characters escaped as
    /// <see cref="Sanitize"/> does, line breaks and tabs kept, no length cap. Idempotent, so it can guard every line
    /// a program prints without double-escaping.
    /// </summary>
    public static string ForTerminal(string? text) => Escape(text, int.MaxValue, keepLineBreaks: true);

    /// <summary>
    /// Makes <paramref name="input"/> safe inside an HTML page (text or a quoted attribute): sanitized as
    /// <see cref="Sanitize"/> does, then HTML-encoded with <see cref="HtmlEncoder.Default"/>.
    /// </summary>
    public static string ForHtml(string? input, int maxLength = DefaultMaxLength) => HtmlEncoder.Default.Encode(Sanitize(input, maxLength));

    private static string Escape(string? input, int maxLength, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        if (UnsafeCharacters.IndexOfUnsafe(input) < 0 && input.Length <= maxLength)
        {
            return input;
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

            if (keepLineBreaks && c is '\n' or '\t')
            {
                sb.Append(c);
                continue;
            }

            if (char.IsSurrogate(c) || UnsafeCharacters.IsUnsafe(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
