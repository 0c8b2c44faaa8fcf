using System.Text;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Local.Secrets;

/// <summary>
/// Reads <c>.env</c> files: <c>KEY=value</c> lines, optional <c>export </c>, <c>#</c> comments, single quotes (literal,
/// so JSON fits: <c>KEY='{"a":"b"}'</c>), double quotes (with <c>\n</c>, <c>\"</c>, <c>\\</c> escapes). Errors give the line
/// number, never the line's text (it may hold a secret).
/// </summary>
public static class DotEnvFile
{
    /// <summary>Parses the text of a .env file; later assignments win.</summary>
    /// <exception cref="ConfigValidationException">A line is not <c>KEY=value</c> or a quote is not closed.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text, string sourceName = ".env")
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? line[..eq].Trim() : string.Empty;
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(key[0]))
            {
                throw Problem(sourceName, i, "expected KEY=value with a KEY of letters, digits and '_'");
            }

            values[key] = ParseValue(line[(eq + 1)..].TrimStart(), sourceName, i);
        }

        return values;
    }

    /// <summary>Reads and parses a file; a missing file is an empty set.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, Path.GetFileName(path));
    }

    private static string ParseValue(string raw, string source, int line)
    {
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        if (raw[0] == '\'')
        {
            var end = raw.IndexOf('\'', 1);
            return end < 0 ? throw Problem(source, line, "unclosed single quote") : raw[1..end];
        }

        if (raw[0] == '"')
        {
            var sb = new StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c == '\\' && i + 1 < raw.Length)
                {
                    i++;
                    sb.Append(raw[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                    continue;
                }

                sb.Append(c);
            }

            throw Problem(source, line, "unclosed double quote");
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }

    private static ConfigValidationException Problem(string source, int index, string what) =>
        new(InputSanitizer.Sanitize(source), $"line {index + 1}: {what}");
}
