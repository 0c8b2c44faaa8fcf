using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Registry;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Strategies;

/// <summary>
/// Loads strategy configs as typed <see cref="StrategyConfig"/> records (SPEC §4.3):
/// store → merge overrides → resolve → validate → record. Registry-backed loading lives in the partial
/// beside this file.
/// </summary>
public sealed partial class StrategyConfigLoader
{
    private readonly ConfigMergeService _merge;
    private readonly IStrategyRegistry? _registry;
    private readonly ILogger _logger;

    /// <summary>Creates a loader over a config store, with an optional model registry for MLflow-driven loading.</summary>
    public StrategyConfigLoader(IConfigRepository repository, IStrategyRegistry? registry = null, ILogger<StrategyConfigLoader>? logger = null, Func<string, string?>? environment = null)
        : this(Existing(repository), registry, logger, environment)
    {
    }

    /// <summary>
    /// Creates a loader whose config store is built on first use (thread-safe, at most once), so a host can register
    /// the loader before the store can be created — and code that never downloads from the store never builds it.
    /// </summary>
    public StrategyConfigLoader(Func<IConfigRepository> repositoryFactory, IStrategyRegistry? registry = null, ILogger<StrategyConfigLoader>? logger = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(repositoryFactory);
        _merge = new ConfigMergeService(repositoryFactory, new ConfigMergeOptions
        {
            RequiredFields = StrategyConfigSchema.RequiredFields,
            Schema = StrategyConfigSchema.Instance,
            Environment = environment,
        });
        _registry = registry;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The merge service the loader runs on.</summary>
    public ConfigMergeService MergeService => _merge;

    /// <summary>Loads a strategy config as stored.</summary>
    public Task<StrategyConfig> LoadAsync(string name, CancellationToken cancellationToken = default) =>
        LoadWithOverridesAsync(name, overrides: null, overrideStrings: null, cancellationToken);

    /// <summary>Loads a strategy config with a mapping of overrides deep-merged over it.</summary>
    public Task<StrategyConfig> LoadWithOverridesAsync(string name, ConfigMapping overrides, CancellationToken cancellationToken = default) =>
        LoadWithOverridesAsync(name, overrides, overrideStrings: null, cancellationToken);

    /// <summary>Loads a strategy config with Hydra overrides (<c>a.b=1</c>, <c>+a.c=2</c>, <c>~a.d</c>).</summary>
    public Task<StrategyConfig> LoadWithOverridesAsync(string name, IEnumerable<string> overrideStrings, CancellationToken cancellationToken = default) =>
        LoadWithOverridesAsync(name, overrides: null, overrideStrings, cancellationToken);

    /// <summary>Loads a strategy config with a mapping of overrides, then Hydra overrides, applied in that order.</summary>
    public async Task<StrategyConfig> LoadWithOverridesAsync(string name, ConfigMapping? overrides, IEnumerable<string>? overrideStrings, CancellationToken cancellationToken = default)
    {
        var baseConfig = await _merge.LoadBaseAsync(name, cancellationToken).ConfigureAwait(false);
        return BindWithOverrides(baseConfig, overrides, overrideStrings);
    }

    /// <summary>
    /// The same pipeline over content already in hand (a config version's data): merge the mapping overrides, apply the
    /// Hydra overrides, resolve interpolations, validate and bind — so a host applying an activation runs exactly what
    /// <see cref="LoadWithOverridesAsync(string, ConfigMapping?, IEnumerable{string}?, CancellationToken)"/> runs.
    /// </summary>
    /// <exception cref="Errors.ConfigValidationException">An override does not apply, or the result fails the schema.</exception>
    public StrategyConfig BindWithOverrides(ConfigMapping content, ConfigMapping? overrides = null, IEnumerable<string>? overrideStrings = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Bind(_merge.Merge(content, overrides, overrideStrings));
    }

    private static Func<IConfigRepository> Existing(IConfigRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return () => repository;
    }

    /// <summary>Validates an already merged config and binds it (for callers that merge themselves).</summary>
    public static StrategyConfig Bind(ConfigMapping merged) => StrategyConfigSchema.Instance.Bind(merged);
}
