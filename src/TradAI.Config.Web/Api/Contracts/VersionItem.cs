using System.Text.Json.Serialization;

namespace TradAI.Config.Web.Api.Contracts;

/// <summary>A config version on the wire, with the store's attribute names; <see cref="ConfigData"/> only where one version is asked for.</summary>
public sealed record VersionItem(
    string StrategyName,
    string ConfigId,
    int VersionNumber,
    string Status,
    string ConfigHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeployedAt,
    string? DeployedBy,
    DateTimeOffset? DeprecatedAt,
    string? SupersededBy,
    long? Ttl)
{
    /// <summary>The config content, as JSON.</summary>
    [JsonConverter(typeof(ConfigTreeJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object? ConfigData { get; init; }
}
