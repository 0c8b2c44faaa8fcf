using TradAI.Config.Core.DotEnv;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;

namespace TradAI.Config.Local.Secrets;

/// <summary>
/// Reads the <c>.env</c> file of the local secret store with the project's one parser (<see cref="DotEnvParser"/>):
/// single quotes keep JSON literal (<c>KEY='{"a":"b"}'</c>). Keys are letters, digits and '_' (secret variables are
/// <c>TRADAI_SECRET_NAME</c>). Errors give the file and line, never the line's text (it may hold a secret).
/// </summary>
public static class DotEnvFile
{
    /// <summary>Parses the text of a .env file; later assignments win.</summary>
    /// <exception cref="ConfigValidationException">A line is not <c>KEY=value</c>, a key has other characters, or a quote is not closed.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text, string sourceName = ".env")
    {
        var values = DotEnvParser.Parse(text, sourceName);
        foreach (var key in values.Keys)
        {
            if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ConfigValidationException(InputSanitizer.Sanitize(sourceName), $"key '{InputSanitizer.Sanitize(key)}': expected KEY=value with a KEY of letters, digits and '_'");
            }
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

        var text = await Utf8Input.ReadFileAsync(path, DotEnvParser.MaxFileBytes, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
        return Parse(text, Path.GetFileName(path));
    }
}
