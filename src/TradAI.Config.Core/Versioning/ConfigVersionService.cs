using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Validation;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// Content-addressed config versions with a lifecycle (SPEC §4.4, §7): validates input, hashes content, stamps
/// times from the injected <see cref="TimeProvider"/>, and delegates each atomic step to an
/// <see cref="IConfigVersionRepository"/>. Errors are typed; a failed call changes nothing.
/// Nothing invalid goes live: content is checked against the strategy schema (the same rules as a strategy load,
/// leftover <c>???</c> included) when a version is created and again when it is activated. Interpolations may stay
/// in the stored content; it must validate once they are resolved.
/// </summary>
public sealed class ConfigVersionService
{
    /// <summary>Default and largest page sizes for listings.</summary>
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 1000;

    private readonly IConfigVersionRepository _repository;
    private readonly TimeProvider _time;
    private readonly IConfigSchema _schema;
    private readonly Func<string, string?>? _environment;

    /// <param name="repository">The store.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="schema">What content must satisfy; <see cref="StrategyConfigSchema.Instance"/> when null.</param>
    /// <param name="environment">Environment lookup for resolving <c>${oc.env:...}</c> while validating; the process environment when null.</param>
    public ConfigVersionService(IConfigVersionRepository repository, TimeProvider? timeProvider = null, IConfigSchema? schema = null, Func<string, string?>? environment = null)
    {
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _time = timeProvider ?? TimeProvider.System;
        _schema = schema ?? StrategyConfigSchema.Instance;
        _environment = environment;
    }

    /// <summary>Creates a draft of <paramref name="config"/>, or returns the draft/active version that already has this content.</summary>
    /// <exception cref="ConfigValidationException">Bad strategy name or creator, content that fails the schema (every problem listed), or content without a canonical form (NaN, Infinity...).</exception>
    public Task<ConfigVersionWrite> CreateAsync(string strategyName, ConfigMapping config, string createdBy, CancellationToken cancellationToken = default)
    {
        var request = Prepare(strategyName, config, createdBy, activate: false);
        return _repository.CreateAsync(request, cancellationToken);
    }

    /// <summary>Lists versions newest first (by version number), optionally filtered by status.</summary>
    /// <exception cref="NotFoundException">The strategy has no versions at all (an empty filtered page is not an error).</exception>
    public async Task<ConfigVersionPage> ListAsync(
        string strategyName,
        ConfigVersionStatus? status = null,
        int limit = DefaultPageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        StrategyNames.Validate(strategyName);
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ConfigValidationException("limit", $"limit must be between 1 and {MaxPageSize}");
        }

        var page = await _repository.ListAsync(strategyName, status, limit, continuationToken, cancellationToken).ConfigureAwait(false);
        if (page.Items.Count == 0 && continuationToken is null
            && (status is null || (await _repository.ListAsync(strategyName, null, 1, null, cancellationToken).ConfigureAwait(false)).Items.Count == 0))
        {
            throw new NotFoundException($"strategy '{InputSanitizer.Sanitize(strategyName)}' has no config versions");
        }

        return page;
    }

    /// <summary>Reads one version.</summary>
    /// <exception cref="NotFoundException">The strategy has no such version.</exception>
    public async Task<ConfigVersion> GetAsync(string strategyName, string configId, CancellationToken cancellationToken = default)
    {
        StrategyNames.Validate(strategyName);
        ConfigVersionId.Validate(configId);
        return await _repository.GetAsync(strategyName, configId, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(strategyName, configId);
    }

    /// <summary>The active version, or null when none is active.</summary>
    public Task<ConfigVersion?> TryGetActiveAsync(string strategyName, CancellationToken cancellationToken = default)
    {
        StrategyNames.Validate(strategyName);
        return _repository.GetActiveAsync(strategyName, cancellationToken);
    }

    /// <summary>The active version: exactly one answer for "which config does strategy X run?".</summary>
    /// <exception cref="NotFoundException">No version of the strategy is active.</exception>
    public async Task<ConfigVersion> GetActiveAsync(string strategyName, CancellationToken cancellationToken = default) =>
        await TryGetActiveAsync(strategyName, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException($"strategy '{InputSanitizer.Sanitize(strategyName)}' has no active config version");

    /// <summary>Activates a draft; the previously active version is deprecated in the same atomic step.</summary>
    /// <exception cref="NotFoundException">No such version.</exception>
    /// <exception cref="ConflictException">The version is active or deprecated already.</exception>
    /// <exception cref="ConfigValidationException">The draft's content does not validate (e.g. written before a schema change, or straight into the store).</exception>
    public Task<ConfigVersionWrite> ActivateAsync(string strategyName, string configId, CancellationToken cancellationToken = default) =>
        ActivateAsync(strategyName, configId, expectedActive: null, cancellationToken);

    /// <summary>
    /// Activates a draft if <paramref name="expectedActive"/> is still the active version (checked in the store's atomic
    /// step, so of two callers who saw the same active version only one goes ahead); null activates unconditionally.
    /// </summary>
    /// <exception cref="NotFoundException">No such version.</exception>
    /// <exception cref="PreconditionFailedException">Another version is active than expected; nothing changed.</exception>
    /// <exception cref="ConflictException">The version is active or deprecated already.</exception>
    /// <exception cref="ConfigValidationException">The draft's content does not validate.</exception>
    public Task<ConfigVersionWrite> ActivateAsync(string strategyName, string configId, ActivePrecondition? expectedActive, CancellationToken cancellationToken = default) =>
        ActivateAsync(strategyName, configId, deployedBy: null, expectedActive, cancellationToken);

    /// <summary>
    /// <see cref="ActivateAsync(string, string, ActivePrecondition?, CancellationToken)"/>, recording <paramref name="deployedBy"/>
    /// (the user or system that activates) as the version's <c>deployed_by</c>; null records no one.
    /// </summary>
    /// <exception cref="NotFoundException">No such version.</exception>
    /// <exception cref="PreconditionFailedException">Another version is active than expected; nothing changed.</exception>
    /// <exception cref="ConflictException">The version is active or deprecated already.</exception>
    /// <exception cref="ConfigValidationException">The draft's content does not validate, or <paramref name="deployedBy"/> is not a valid name.</exception>
    public Task<ConfigVersionWrite> ActivateAsync(
        string strategyName, string configId, string? deployedBy, ActivePrecondition? expectedActive, CancellationToken cancellationToken = default)
    {
        StrategyNames.Validate(strategyName);
        ConfigVersionId.Validate(configId);
        if (deployedBy is not null)
        {
            ConfigVersion.ValidateDeployedBy(deployedBy);
        }

        return _repository.ActivateAsync(strategyName, configId, _time.GetUtcNow(), v => Validate(v.ConfigData, v.ConfigId), expectedActive, deployedBy, cancellationToken);
    }

    /// <summary>Every strategy that has versions, by name, with its active version and how many versions and drafts it has.</summary>
    public Task<IReadOnlyList<StrategyVersionSummary>> ListStrategiesAsync(CancellationToken cancellationToken = default) =>
        _repository.ListStrategiesAsync(cancellationToken);

    /// <summary>Deprecates a draft or the active version (then no version is active).</summary>
    /// <exception cref="NotFoundException">No such version.</exception>
    /// <exception cref="ConflictException">The version is deprecated already.</exception>
    public Task<ConfigVersion> DeprecateAsync(string strategyName, string configId, CancellationToken cancellationToken = default)
    {
        StrategyNames.Validate(strategyName);
        ConfigVersionId.Validate(configId);
        return _repository.DeprecateAsync(strategyName, configId, _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Brings back the content of <paramref name="toConfigId"/> (any status): a new version with that content is created
    /// and activated atomically, <paramref name="createdBy"/> recorded as its creator and deployer. If a draft already holds that content it is activated instead; if the active version
    /// holds it, nothing changes.
    /// </summary>
    /// <exception cref="NotFoundException">No such version.</exception>
    public Task<ConfigVersionWrite> RollbackAsync(string strategyName, string toConfigId, string createdBy, CancellationToken cancellationToken = default) =>
        RollbackAsync(strategyName, toConfigId, createdBy, expectedActive: null, cancellationToken);

    /// <summary>
    /// <see cref="RollbackAsync(string, string, string, CancellationToken)"/> if <paramref name="expectedActive"/> is still
    /// the active version, checked in the same atomic step as the change; null rolls back unconditionally.
    /// </summary>
    /// <exception cref="NotFoundException">No such version.</exception>
    /// <exception cref="PreconditionFailedException">Another version is active than expected; nothing changed.</exception>
    public async Task<ConfigVersionWrite> RollbackAsync(
        string strategyName, string toConfigId, string createdBy, ActivePrecondition? expectedActive, CancellationToken cancellationToken = default)
    {
        var source = await GetAsync(strategyName, toConfigId, cancellationToken).ConfigureAwait(false);
        var request = Prepare(strategyName, source.ConfigData, createdBy, activate: true) with { ExpectedActive = expectedActive };
        return await _repository.CreateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Structural diff from version <paramref name="fromConfigId"/> to <paramref name="toConfigId"/>.</summary>
    /// <exception cref="NotFoundException">Either version does not exist.</exception>
    public async Task<ConfigDiff> DiffAsync(string strategyName, string fromConfigId, string toConfigId, CancellationToken cancellationToken = default)
    {
        var from = await GetAsync(strategyName, fromConfigId, cancellationToken).ConfigureAwait(false);
        var to = await GetAsync(strategyName, toConfigId, cancellationToken).ConfigureAwait(false);
        return ConfigDiff.Compute(from.ConfigData, to.ConfigData, from.ConfigId, to.ConfigId);
    }

    /// <summary>The check a version's content must pass to be created or go live: resolve, then validate.</summary>
    /// <exception cref="ConfigValidationException">Every problem, each with its path.</exception>
    public void Validate(ConfigMapping content, string? configId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var resolved = InterpolationResolver.Resolve(content, _environment);
        ConfigChecks.Validate(resolved, [], _schema, configId is null ? "Config version content is invalid" : $"Config version {InputSanitizer.Sanitize(configId)} is invalid");
    }

    private NewConfigVersion Prepare(string strategyName, ConfigMapping config, string createdBy, bool activate)
    {
        ArgumentNullException.ThrowIfNull(config);
        StrategyNames.Validate(strategyName);
        ConfigVersion.ValidateCreatedBy(createdBy);
        Validate(config);
        var (hash, canonical) = ConfigHasher.HashWithCanonical(config);

        // Stores keep the JSON data model (string keys, 5.0 read back as 5): return what a later read returns.
        var stored = CanonicalJsonReader.ReadMapping(canonical, "config");
        return new NewConfigVersion(strategyName, stored, hash, canonical, createdBy, _time.GetUtcNow(), activate);
    }

    private static NotFoundException NotFound(string strategyName, string configId) =>
        new($"strategy '{InputSanitizer.Sanitize(strategyName)}' has no config version '{InputSanitizer.Sanitize(configId)}'");
}
