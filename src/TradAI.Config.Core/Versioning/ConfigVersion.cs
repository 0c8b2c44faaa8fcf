using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// One immutable, content-addressed version of a strategy's config (SPEC §7.1) plus <see cref="CreatedAt"/>.
/// State changes go through <see cref="WithStatus"/>, which only allows the lifecycle's legal transitions,
/// so every store applies the same rules.
/// </summary>
public sealed record ConfigVersion
{
    /// <summary>How long a deprecated version is kept before TTL clean-up.</summary>
    public static readonly TimeSpan DeprecatedRetention = TimeSpan.FromDays(90);

    /// <summary>Partition key: the strategy this version belongs to.</summary>
    public required string StrategyName { get; init; }

    /// <summary>Sort key, <c>v{N}-{hash[:8]}</c>.</summary>
    public required string ConfigId { get; init; }

    /// <summary>SHA-256 of the canonical JSON of <see cref="ConfigData"/>, 64 lowercase hex characters.</summary>
    public required string ConfigHash { get; init; }

    /// <summary>The frozen config content.</summary>
    public required ConfigMapping ConfigData { get; init; }

    public required ConfigVersionStatus Status { get; init; }

    /// <summary>Sequential per strategy, from 1; never reused.</summary>
    public required int VersionNumber { get; init; }

    /// <summary>User or system that created the version.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it became active; set on the transition to <see cref="ConfigVersionStatus.Active"/>.</summary>
    public DateTimeOffset? DeployedAt { get; init; }

    /// <summary>Who activated it, set with <see cref="DeployedAt"/>; null when not recorded (an activation that named no one).</summary>
    public string? DeployedBy { get; init; }

    /// <summary>When it was deprecated.</summary>
    public DateTimeOffset? DeprecatedAt { get; init; }

    /// <summary>The config id that replaced it when an activation deprecated it; null for an explicit deprecate.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>Unix epoch seconds after which the store may delete it (<see cref="DeprecatedAt"/> + 90 days).</summary>
    public long? Ttl { get; init; }

    /// <summary>A new draft, checking every field.</summary>
    /// <exception cref="ConfigValidationException">A field is invalid.</exception>
    public static ConfigVersion CreateDraft(string strategyName, int versionNumber, string configHash, ConfigMapping configData, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(configData);
        StrategyNames.Validate(strategyName);
        ValidateCreatedBy(createdBy);
        if (versionNumber < 1)
        {
            throw new ConfigValidationException("version_number", "version numbers start at 1");
        }

        if (!ConfigHasher.IsValidHash(configHash))
        {
            throw new ConfigValidationException("config_hash", "config hash must be 64 lowercase hex characters");
        }

        return new ConfigVersion
        {
            StrategyName = strategyName,
            ConfigId = ConfigVersionId.Format(versionNumber, configHash),
            ConfigHash = configHash,
            ConfigData = configData,
            Status = ConfigVersionStatus.Draft,
            VersionNumber = versionNumber,
            CreatedBy = createdBy,
            CreatedAt = createdAt.ToUniversalTime(),
        };
    }

    /// <summary>Whether the lifecycle allows moving from this version's status to <paramref name="next"/>.</summary>
    public bool CanTransitionTo(ConfigVersionStatus next) => (Status, next) switch
    {
        (ConfigVersionStatus.Draft, ConfigVersionStatus.Active) => true,
        (ConfigVersionStatus.Draft, ConfigVersionStatus.Deprecated) => true,
        (ConfigVersionStatus.Active, ConfigVersionStatus.Deprecated) => true,
        _ => false,
    };

    /// <summary>
    /// What a store checks before activating <paramref name="target"/>: the transition is legal (a conflict first), then
    /// <paramref name="validate"/> accepts the content.
    /// </summary>
    public static void CheckActivation(ConfigVersion target, DateTimeOffset at, Action<ConfigVersion>? validate)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (validate is not null)
        {
            _ = target.WithStatus(ConfigVersionStatus.Active, at);
            validate(target);
        }
    }

    /// <summary>
    /// The immutable update: a copy in status <paramref name="next"/> with the fields the transition sets
    /// (<see cref="DeployedAt"/> and <see cref="DeployedBy"/> on activation; <see cref="DeprecatedAt"/>, <see cref="SupersededBy"/>
    /// and <see cref="Ttl"/> on deprecation).
    /// </summary>
    /// <param name="next">The status to move to.</param>
    /// <param name="at">When the transition happens.</param>
    /// <param name="supersededBy">On deprecation by an activation: the id of the version that replaces this one.</param>
    /// <param name="deployedBy">On activation: who activates it (checked like <see cref="CreatedBy"/>); null records no one.</param>
    /// <exception cref="ConflictException">The transition is not draft→active, draft→deprecated or active→deprecated; nothing changes.</exception>
    /// <exception cref="ConfigValidationException"><paramref name="deployedBy"/> is empty, too long or has control characters.</exception>
    public ConfigVersion WithStatus(ConfigVersionStatus next, DateTimeOffset at, string? supersededBy = null, string? deployedBy = null)
    {
        if (!CanTransitionTo(next))
        {
            throw new ConflictException(
                $"version {ConfigId} of strategy '{InputSanitizer.Sanitize(StrategyName)}' is {Status.ToWire()} and cannot become {next.ToWire()}"
                + (Status == ConfigVersionStatus.Deprecated ? " (deprecated is final; use rollback to bring its content back)" : string.Empty));
        }

        var utc = at.ToUniversalTime();
        return next == ConfigVersionStatus.Active
            ? this with { Status = next, DeployedAt = utc, DeployedBy = deployedBy is null ? null : ValidateDeployedBy(deployedBy) }
            : this with { Status = next, DeprecatedAt = utc, SupersededBy = supersededBy, Ttl = TtlFor(utc) };
    }

    /// <summary>The TTL (epoch seconds) of a version deprecated at <paramref name="deprecatedAt"/>.</summary>
    public static long TtlFor(DateTimeOffset deprecatedAt) => deprecatedAt.Add(DeprecatedRetention).ToUnixTimeSeconds();

    /// <summary>Checks a created-by value: 1–200 printable characters.</summary>
    /// <exception cref="ConfigValidationException">It is empty, too long or has control characters.</exception>
    public static string ValidateCreatedBy(string? createdBy) => ValidateUser(createdBy, "created_by");

    /// <summary>Checks a deployed-by value, as <see cref="ValidateCreatedBy"/> does.</summary>
    /// <exception cref="ConfigValidationException">It is empty, too long or has control characters.</exception>
    public static string ValidateDeployedBy(string? deployedBy) => ValidateUser(deployedBy, "deployed_by");

    /// <summary>A user or system name as versions record it (<c>created_by</c>, <c>deployed_by</c>): 1–200 printable characters.</summary>
    private static string ValidateUser(string? user, string field)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            throw new ConfigValidationException(field, $"{field} is empty");
        }

        if (user.Length > 200 || user.Any(char.IsControl))
        {
            throw new ConfigValidationException(field, $"{field} must be at most 200 printable characters");
        }

        return user;
    }
}
