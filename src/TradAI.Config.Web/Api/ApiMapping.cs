using TradAI.Config.Core.Versioning;
using TradAI.Config.Web.Api.Contracts;
using TradAI.Config.Web.Catalog;

namespace TradAI.Config.Web.Api;

/// <summary>Core values to API documents: one place decides what the wire shows of a version.</summary>
internal static class ApiMapping
{
    public static VersionItem ToItem(ConfigVersion v, bool includeData) =>
        new(v.StrategyName, v.ConfigId, v.VersionNumber, v.Status.ToWire(), v.ConfigHash, v.CreatedBy, v.CreatedAt, v.DeployedAt, v.DeployedBy, v.DeprecatedAt, v.SupersededBy, v.Ttl)
        {
            ConfigData = includeData ? v.ConfigData : null,
        };

    public static StrategyItem ToItem(StrategyOverview s) =>
        new(s.Name, s.Active?.ConfigId, s.VersionCount, s.DraftCount, s.Active?.DeployedAt, s.Active?.DeployedBy, s.HasConfig);

    public static DiffResult ToResult(ConfigDiff diff) => new(
        diff.FromConfigId,
        diff.ToConfigId,
        [.. diff.Entries.Where(e => e.Kind == ConfigDiffKind.Added).Select(e => new DiffValue(e.Path, e.NewValue))],
        [.. diff.Entries.Where(e => e.Kind == ConfigDiffKind.Removed).Select(e => new DiffValue(e.Path, e.OldValue))],
        [.. diff.Entries.Where(e => e.Kind == ConfigDiffKind.Changed).Select(e => new DiffChange(e.Path, e.OldValue, e.NewValue))]);

    public static ActivationResult ToResult(ConfigVersionWrite write, bool rollback) =>
        new(ToItem(write.Version, includeData: false), write.Deprecated is { } d ? ToItem(d, includeData: false) : null, rollback ? write.Created : null);
}
