namespace TradAI.Config.Web.Api.Contracts;

/// <summary>The structural diff of two versions, by path: <c>GET /api/strategies/{name}/diff?from=A&amp;to=B</c>.</summary>
public sealed record DiffResult(string From, string To, IReadOnlyList<DiffValue> Added, IReadOnlyList<DiffValue> Removed, IReadOnlyList<DiffChange> Changed);
