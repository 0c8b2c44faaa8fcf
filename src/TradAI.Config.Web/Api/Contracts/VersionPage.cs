namespace TradAI.Config.Web.Api.Contracts;

/// <summary>A page of <c>GET /api/strategies/{name}/versions</c>, newest first; <see cref="NextToken"/> asks for the next.</summary>
public sealed record VersionPage(IReadOnlyList<VersionItem> Items, string? NextToken);
