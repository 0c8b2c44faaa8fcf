using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;

namespace TradAI.Config.Core.Repositories;

/// <summary>
/// The rules for config names shared by every store: relative, slash-separated segments of visible characters,
/// no <c>..</c>, no absolute or drive paths, no backslashes, no control, format (bidi, zero-width) or separator
/// characters. Lengths are UTF-8 bytes, which is what file systems (255 bytes a file name) and S3 keys count.
/// </summary>
public static class ConfigNames
{
    /// <summary>Longest accepted name, in UTF-8 bytes.</summary>
    public const int MaxBytes = 255;

    /// <summary>Longest accepted path segment, in UTF-8 bytes (a file name with its extension stays under 255).</summary>
    public const int MaxSegmentBytes = 200;

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

        if (UnsafeCharacters.IndexOfUnsafe(name) >= 0)
        {
            return "it contains control, format (bidi, zero-width) or separator characters";
        }

        // Lengths are those of the name without its extension: "x.yaml" and "x" are the same config.
        var stem = StripExtension(name);
        if (Encoding.UTF8.GetByteCount(stem) > MaxBytes)
        {
            return $"it is longer than {MaxBytes} bytes (UTF-8)";
        }

        foreach (var c in name)
        {
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

        foreach (var segment in stem.Split('/'))
        {
            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return $"a path segment is longer than {MaxSegmentBytes} bytes (UTF-8)";
            }
        }

        return stem.Length == 0 || stem.EndsWith('/') ? "it has no name before the extension" : null;
    }

    /// <summary>Whether a file or key name ends in <c>.yaml</c> or <c>.yml</c>, in any letter case.</summary>
    public static bool HasExtension(string fileName) =>
        fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes one trailing <c>.yaml</c> or <c>.yml</c> (any letter case).</summary>
    public static string StripExtension(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^5]
        : name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? name[..^4]
        : name;
}
