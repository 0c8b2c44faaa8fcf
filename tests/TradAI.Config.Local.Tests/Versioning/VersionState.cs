using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// Every field of a stored version but its content (the hash stands for it, and the invariants check the hash
/// against the content): what the crash worker reports and what the crash tests compare. Linked into the worker.
/// </summary>
internal sealed record VersionState(
    string ConfigId,
    int VersionNumber,
    string ConfigHash,
    ConfigVersionStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeployedAt,
    DateTimeOffset? DeprecatedAt,
    string? SupersededBy,
    long? Ttl)
{
    public static VersionState Of(ConfigVersion v) =>
        new(v.ConfigId, v.VersionNumber, v.ConfigHash, v.Status, v.CreatedBy, v.CreatedAt, v.DeployedAt, v.DeprecatedAt, v.SupersededBy, v.Ttl);

    /// <summary>
    /// Whether a later read may show <paramref name="later"/> for a version once reported as this: the lifecycle only
    /// moves forward (draft → active → deprecated, draft → deprecated), and what a committed step stamped stays.
    /// </summary>
    public bool MayBecome(VersionState later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later with { Status = Status, DeployedAt = DeployedAt, DeprecatedAt = DeprecatedAt, SupersededBy = SupersededBy, Ttl = Ttl } != this)
        {
            return false; // id, number, hash, creator or creation time changed
        }

        return Status switch
        {
            ConfigVersionStatus.Draft => later.Status != ConfigVersionStatus.Draft || later == this,
            ConfigVersionStatus.Active => later.DeployedAt == DeployedAt && (later.Status == ConfigVersionStatus.Deprecated || later == this),
            _ => later == this, // deprecated is final
        };
    }
}
