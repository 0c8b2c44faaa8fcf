using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Web.Catalog;

/// <summary>One row of the strategy list: a strategy with versions, a config in the config store, or both.</summary>
/// <param name="Name">The strategy (and config) name.</param>
/// <param name="Active">The active version, or null.</param>
/// <param name="VersionCount">Versions in the version store (0 for a config that was never versioned).</param>
/// <param name="DraftCount">Drafts waiting to be activated.</param>
/// <param name="HasConfig">Whether the config store holds a config of that name.</param>
internal sealed record StrategyOverview(string Name, ConfigVersion? Active, int VersionCount, int DraftCount, bool HasConfig);
