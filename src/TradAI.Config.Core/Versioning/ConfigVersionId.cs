using System.Globalization;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// Version ids <c>v{N}-{hash[:8]}</c> (SPEC §7.1): readable, ordered by <c>N</c>, and tied to the content.
/// Note that as strings <c>v10-…</c> sorts before <c>v9-…</c>; order by <see cref="ConfigVersion.VersionNumber"/>.
/// </summary>
public static class ConfigVersionId
{
    /// <summary>How many hash characters the id carries.</summary>
    public const int HashPrefixLength = 8;

    /// <summary>Builds the id of version <paramref name="versionNumber"/> with content hash <paramref name="configHash"/>.</summary>
    public static string Format(int versionNumber, string configHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(versionNumber, 1);
        if (!ConfigHasher.IsValidHash(configHash))
        {
            throw new ArgumentException("not a 64-character lowercase hex SHA-256", nameof(configHash));
        }

        return string.Create(CultureInfo.InvariantCulture, $"v{versionNumber}-{configHash[..HashPrefixLength]}");
    }

    /// <summary>Parses an id into its version number and hash prefix, or returns false.</summary>
    public static bool TryParse(string? configId, out int versionNumber, out string hashPrefix)
    {
        versionNumber = 0;
        hashPrefix = string.Empty;
        if (configId is null || configId.Length < 4 || configId.Length > 20 || configId[0] != 'v')
        {
            return false;
        }

        var dash = configId.IndexOf('-', StringComparison.Ordinal);
        if (dash < 2 || configId.Length - dash - 1 != HashPrefixLength || configId[1] == '0')
        {
            return false;
        }

        var number = configId.AsSpan(1, dash - 1);
        foreach (var c in number)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out versionNumber) || versionNumber < 1)
        {
            return false;
        }

        var prefix = configId[(dash + 1)..];
        if (!prefix.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            versionNumber = 0;
            return false;
        }

        hashPrefix = prefix;
        return true;
    }

    /// <summary>Checks a user-given id and returns it.</summary>
    /// <exception cref="ConfigValidationException">The id is not of the form <c>v{N}-{8 hex}</c>.</exception>
    public static string Validate(string? configId) =>
        TryParse(configId, out _, out _)
            ? configId!
            : throw new ConfigValidationException("config_id", $"invalid config id '{InputSanitizer.Sanitize(configId)}': expected v{{N}}-{{8 hex}}, e.g. v3-a1b2c3d4");
}
