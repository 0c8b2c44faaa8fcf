using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Repositories;

/// <summary>
/// The rules for config names shared by every store: relative, slash-separated segments of printable characters,
/// no <c>..</c>, no absolute or drive paths, no backslashes, no control characters.
/// </summary>
public static class ConfigNames
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 200;

    /// <summary>Throws a <see cref="ConfigValidationException"/> naming the problem unless <paramref name="name"/> is valid.</summary>
    /// <returns>The name, with a trailing <c>.yaml</c>/<c>.yml</c> removed.</returns>
    public static string Validate(string? name)
    {
        var problem = Check(name);
        if (problem is not null)
        {
            throw new ConfigValidationException("name", $"invalid config name '{InputSanitizer.Sanitize(name)}': {problem}");
        }

        return StripExtension(name!);
    }

    /// <summary>Why a name is invalid, or null when it is valid.</summary>
    public static string? Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return "it contains control characters";
            }

            if (c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                return $"it contains '{c}'";
            }
        }

        if (name[0] == '/' || name[0] == '~')
        {
            return "it is an absolute path";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty path segment";
            }

            if (segment is "." or "..")
            {
                return "it contains a '.' or '..' path segment";
            }

            if (segment != segment.Trim())
            {
                return "a path segment starts or ends with whitespace";
            }

            if (segment.StartsWith('.'))
            {
                return "a path segment starts with '.'";
            }
        }

        return StripExtension(name).Length == 0 || StripExtension(name).EndsWith('/') ? "it has no name before the extension" : null;
    }

    /// <summary>Removes one trailing <c>.yaml</c> or <c>.yml</c>.</summary>
    public static string StripExtension(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^5]
        : name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? name[..^4]
        : name;
}
