using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;

namespace TradAI.Config.Core.DotEnv;

/// <summary>
/// Parses <c>.env</c> text the way python-dotenv does for the cases services use: <c>KEY=VALUE</c> lines,
/// an optional <c>export</c>, <c>#</c> comments, single quotes (literal), double quotes (with <c>\n</c>, <c>\t</c>,
/// <c>\"</c>, <c>\\</c> escapes, may span lines), and inline comments after whitespace on unquoted values.
/// No variable interpolation and no side effects: the process environment is neither read nor written,
/// which is why this is not DotNetEnv (whose loader interpolates from and writes to the real environment).
/// The one .env reader of the project: service settings and the local secret store both use it.
/// Errors name the file and line, never the line's text (it may hold a secret).
/// </summary>
public static class DotEnvParser
{
    /// <summary>Largest .env file read, in bytes.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Reads (at most <see cref="MaxFileBytes"/>, strict UTF-8) and parses a .env file.</summary>
    /// <exception cref="ConfigValidationException">The file is too large, not UTF-8, or not valid dotenv syntax.</exception>
    /// <exception cref="IOException">The file cannot be read (the caller names it).</exception>
    public static Dictionary<string, string> ReadFile(string path, IEqualityComparer<string>? keyComparer = null) =>
        Parse(Utf8Input.ReadFile(path, MaxFileBytes, path), path, keyComparer);

    /// <summary>Parses <paramref name="text"/>; a later line wins over an earlier one with the same key.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="sourceName">The file name, for messages.</param>
    /// <param name="keyComparer">How keys compare (settings: case-insensitive); ordinal when null.</param>
    /// <exception cref="ConfigValidationException">A line is not <c>KEY=VALUE</c> or a quote is not closed.</exception>
    public static Dictionary<string, string> Parse(string text, string sourceName, IEqualityComparer<string>? keyComparer = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(keyComparer ?? StringComparer.Ordinal);
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            SkipInlineSpace(text, ref i);
            if (i >= text.Length)
            {
                break;
            }

            if (text[i] is '\n' or '\r')
            {
                line += text[i] == '\n' ? 1 : 0;
                i++;
                continue;
            }

            if (text[i] == '#')
            {
                SkipToLineEnd(text, ref i);
                continue;
            }

            var startLine = line;
            var keyStart = i;
            while (i < text.Length && text[i] is not ('=' or '\n' or '\r'))
            {
                i++;
            }

            var key = text[keyStart..i].Trim();
            if (key.StartsWith("export ", StringComparison.Ordinal) || key.StartsWith("export\t", StringComparison.Ordinal))
            {
                key = key[7..].Trim();
            }

            if (i >= text.Length || text[i] != '=' || !IsValidKey(key))
            {
                throw Error(sourceName, startLine, "expected KEY=VALUE");
            }

            i++; // '='
            SkipInlineSpace(text, ref i);
            string value;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                value = ReadQuoted(text, ref i, ref line, sourceName, startLine);
                SkipInlineSpace(text, ref i);
                if (i < text.Length && text[i] is not ('\n' or '\r' or '#'))
                {
                    throw Error(sourceName, startLine, "unexpected text after the closing quote");
                }

                SkipToLineEnd(text, ref i);
            }
            else
            {
                var valueStart = i;
                SkipToLineEnd(text, ref i);
                value = StripInlineComment(text[valueStart..i]).Trim();
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                // No environment variable can hold a NUL: a value that has one is corrupt, not shortened.
                throw Error(sourceName, startLine, "the value contains a NUL character, which no environment variable can hold");
            }

            result[key] = value;
        }

        return result;
    }

    private static string ReadQuoted(string text, ref int i, ref int line, string sourceName, int startLine)
    {
        var quote = text[i++];
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote)
            {
                return sb.ToString();
            }

            if (c == '\n')
            {
                line++;
            }

            if (quote == '"' && c == '\\' && i < text.Length)
            {
                var next = text[i++];
                sb.Append(next switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    _ => next,
                });
                if (next is not ('n' or 't' or 'r' or '"' or '\\'))
                {
                    sb.Insert(sb.Length - 1, '\\');
                }

                continue;
            }

            sb.Append(c);
        }

        throw Error(sourceName, startLine, $"the {(quote == '"' ? "double" : "single")} quote is not closed");
    }

    private static string StripInlineComment(string value)
    {
        for (var j = 1; j < value.Length; j++)
        {
            if (value[j] == '#' && char.IsWhiteSpace(value[j - 1]))
            {
                return value[..j];
            }
        }

        return value;
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static void SkipInlineSpace(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\uFEFF')
        {
            i++;
        }
    }

    private static void SkipToLineEnd(string text, ref int i)
    {
        while (i < text.Length && text[i] is not ('\n' or '\r'))
        {
            i++;
        }
    }

    private static ConfigValidationException Error(string sourceName, int line, string message) =>
        new($"{InputSanitizer.Sanitize(sourceName)}:{line}", $"line {line}: {message}");
}
