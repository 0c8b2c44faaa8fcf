using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Validation;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Loads a base config from a repository, deep-merges overrides (mappings and Hydra strings), resolves
/// interpolations, and validates (required fields, leftover <c>???</c>, optional schema) — SPEC §4.2.
/// Thread-safe; the repository is created lazily, once, on first use.
/// </summary>
public sealed class ConfigMergeService
{
    private readonly Lazy<IConfigRepository> _repository;

    /// <summary>Creates the service over a repository built on first use (thread-safe, at most once).</summary>
    public ConfigMergeService(Func<IConfigRepository> repositoryFactory, ConfigMergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(repositoryFactory);
        _repository = new Lazy<IConfigRepository>(repositoryFactory, LazyThreadSafetyMode.ExecutionAndPublication);
        Options = options ?? ConfigMergeOptions.Default;
    }

    /// <summary>Creates the service over an existing repository.</summary>
    public ConfigMergeService(IConfigRepository repository, ConfigMergeOptions? options = null)
        : this(() => repository, options)
    {
        ArgumentNullException.ThrowIfNull(repository);
    }

    public ConfigMergeOptions Options { get; }

    /// <summary>The repository, created on first access.</summary>
    public IConfigRepository Repository => _repository.Value;

    /// <summary>Downloads the base config.</summary>
    public Task<ConfigMapping> LoadBaseAsync(string name, CancellationToken cancellationToken = default) =>
        Repository.DownloadAsync(name, cancellationToken);

    /// <summary>Deep-merges mapping overrides, then applies Hydra override strings, then resolves interpolations.</summary>
    public ConfigMapping Merge(ConfigMapping baseConfig, ConfigMapping? overrides = null, IEnumerable<string>? overrideStrings = null)
    {
        var mergeOptions = Options.StructMode ? MergeOptions.Struct : MergeOptions.Default;
        var merged = overrides is null ? baseConfig : ConfigMerger.Merge(baseConfig, overrides, mergeOptions);
        if (overrideStrings is not null)
        {
            merged = OverrideApplier.Apply(merged, overrideStrings);
        }

        return InterpolationResolver.Resolve(merged, Options.Environment, Options.Interpolation);
    }

    /// <summary>Checks leftover <c>???</c> values, required fields and the schema; throws one error listing every problem.</summary>
    public void Validate(ConfigMapping config) => ConfigChecks.Validate(config, Options.RequiredFields, Options.Schema);

    /// <summary>Load, merge and validate in one call (the spec's <c>merge_configs</c>).</summary>
    public async Task<ConfigMapping> MergeConfigsAsync(
        string name,
        ConfigMapping? overrides = null,
        IEnumerable<string>? overrideStrings = null,
        CancellationToken cancellationToken = default)
    {
        var baseConfig = await LoadBaseAsync(name, cancellationToken).ConfigureAwait(false);
        var merged = Merge(baseConfig, overrides, overrideStrings);
        Validate(merged);
        return merged;
    }
}
