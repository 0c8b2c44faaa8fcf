using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Versioning;

/// <summary>The wire names of <see cref="ConfigVersionStatus"/> (<c>draft</c>/<c>active</c>/<c>deprecated</c>), shared by every store and the CLI.</summary>
public static class ConfigVersionStatusNames
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Deprecated = "deprecated";

    /// <summary>The stored name of a status.</summary>
    public static string ToWire(this ConfigVersionStatus status) => status switch
    {
        ConfigVersionStatus.Draft => Draft,
        ConfigVersionStatus.Active => Active,
        ConfigVersionStatus.Deprecated => Deprecated,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a stored or user-given status name (case-insensitive).</summary>
    /// <exception cref="ConfigValidationException">The name is not one of the three statuses.</exception>
    public static ConfigVersionStatus Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Draft => ConfigVersionStatus.Draft,
        Active => ConfigVersionStatus.Active,
        Deprecated => ConfigVersionStatus.Deprecated,
        _ => throw new ConfigValidationException("status", $"unknown status '{InputSanitizer.Sanitize(name)}': expected draft, active or deprecated"),
    };
}
