namespace TradAI.Config.Core.Versioning;

/// <summary>One page of a strategy's versions, newest first by version number.</summary>
/// <param name="Items">The versions on this page.</param>
/// <param name="ContinuationToken">Opaque token for the next page; null on the last page.</param>
public sealed record ConfigVersionPage(IReadOnlyList<ConfigVersion> Items, string? ContinuationToken);
