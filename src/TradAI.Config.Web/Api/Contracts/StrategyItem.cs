namespace TradAI.Config.Web.Api.Contracts;

/// <summary>One entry of <c>GET /api/strategies</c>.</summary>
public sealed record StrategyItem(
    string Name,
    string? ActiveConfigId,
    int VersionCount,
    int DraftCount,
    DateTimeOffset? DeployedAt,
    string? DeployedBy,
    bool HasConfig);
