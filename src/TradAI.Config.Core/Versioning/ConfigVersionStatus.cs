namespace TradAI.Config.Core.Versioning;

/// <summary>Where a config version is in its lifecycle (SPEC §7): draft → active → deprecated; deprecated is terminal.</summary>
public enum ConfigVersionStatus
{
    /// <summary>Created, not yet serving. Content-addressed and deduplicated.</summary>
    Draft,

    /// <summary>The one version a strategy runs with; at most one per strategy.</summary>
    Active,

    /// <summary>Retired; removed by TTL 90 days after <see cref="ConfigVersion.DeprecatedAt"/>.</summary>
    Deprecated,
}
