namespace TradAI.Config.Core.Versioning;

/// <summary>One strategy as the version store knows it: for overviews (the console's strategy list) in one read.</summary>
/// <param name="StrategyName">The strategy.</param>
/// <param name="Active">Its active version, or null when none is active.</param>
/// <param name="VersionCount">How many versions the store holds (TTL-expired ones are gone).</param>
/// <param name="DraftCount">How many of them are drafts waiting to be activated.</param>
public sealed record StrategyVersionSummary(string StrategyName, ConfigVersion? Active, int VersionCount, int DraftCount);
