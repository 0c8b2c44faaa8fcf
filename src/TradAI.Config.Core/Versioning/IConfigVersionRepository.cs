namespace TradAI.Config.Core.Versioning;

/// <summary>
/// Persistence port for config versions (SQLite embedded, DynamoDB in the cloud). Each write is one atomic step
/// that keeps the invariants under any concurrency: version numbers sequential and unique per strategy, at most one
/// active version per strategy, no two draft/active versions with the same content. Inputs arrive validated by
/// <see cref="ConfigVersionService"/>; implementations map store failures to <see cref="Errors.ExternalServiceException"/>.
/// </summary>
public interface IConfigVersionRepository
{
    /// <summary>
    /// Creates the next version (number = highest ever + 1) as a draft, or returns the existing draft/active version with
    /// the same hash. With <see cref="NewConfigVersion.Activate"/>, the result is activated in the same step
    /// (an already-active duplicate is returned unchanged), after <see cref="NewConfigVersion.ExpectedActive"/> is checked.
    /// </summary>
    /// <exception cref="Errors.PreconditionFailedException">Activating, and another version is active than expected; nothing changed.</exception>
    Task<ConfigVersionWrite> CreateAsync(NewConfigVersion request, CancellationToken cancellationToken = default);

    /// <summary>Reads one version, or null.</summary>
    Task<ConfigVersion?> GetAsync(string strategyName, string configId, CancellationToken cancellationToken = default);

    /// <summary>Reads the active version (strongly consistent), or null.</summary>
    Task<ConfigVersion?> GetActiveAsync(string strategyName, CancellationToken cancellationToken = default);

    /// <summary>Lists versions newest first by version number, optionally of one status, a page at a time.</summary>
    /// <exception cref="Errors.ConfigValidationException">The continuation token is not one this store issued for this query.</exception>
    Task<ConfigVersionPage> ListAsync(string strategyName, ConfigVersionStatus? status, int limit, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Activates a draft and deprecates the previous active version (superseded_by = this id) atomically.</summary>
    /// <param name="strategyName">The strategy.</param>
    /// <param name="configId">The draft to activate.</param>
    /// <param name="at">The activation time.</param>
    /// <param name="validate">Runs on the draft as read, before anything is written (throw to refuse it); no extra request.</param>
    /// <param name="expectedActive">The active version the caller saw; checked in the same atomic step, before the transition; null for no check.</param>
    /// <param name="deployedBy">Who activates it, recorded as <c>deployed_by</c>; null records no one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.NotFoundException">No such version.</exception>
    /// <exception cref="Errors.PreconditionFailedException">Another version is active than <paramref name="expectedActive"/> says; nothing changed.</exception>
    /// <exception cref="Errors.ConflictException">The version is not a draft.</exception>
    Task<ConfigVersionWrite> ActivateAsync(
        string strategyName, string configId, DateTimeOffset at, Action<ConfigVersion>? validate = null, ActivePrecondition? expectedActive = null,
        string? deployedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Every strategy that has versions, ordered by name, with its active version and counts (one consistent read where the store allows).</summary>
    Task<IReadOnlyList<StrategyVersionSummary>> ListStrategiesAsync(CancellationToken cancellationToken = default);

    /// <summary>Deprecates a draft or the active version (no successor recorded).</summary>
    /// <exception cref="Errors.NotFoundException">No such version.</exception>
    /// <exception cref="Errors.ConflictException">The version is already deprecated.</exception>
    Task<ConfigVersion> DeprecateAsync(string strategyName, string configId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
