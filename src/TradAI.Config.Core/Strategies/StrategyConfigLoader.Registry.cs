using Microsoft.Extensions.Logging;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Strategies;

/// <summary>Registry-backed loading (SPEC §4.3 load_from_mlflow / load_with_fallback).</summary>
public sealed partial class StrategyConfigLoader
{
    /// <summary>The stage used when none is given.</summary>
    public const string DefaultStage = "Production";

    /// <summary>
    /// Registry → the model version's tags → download the config they name → deep-merge the tag overrides → validate.
    /// </summary>
    /// <exception cref="ExternalServiceException">No registry is configured, or it (or the store) failed.</exception>
    /// <exception cref="NotFoundException">No model, no version at <paramref name="stage"/>, or the named config is missing.</exception>
    /// <exception cref="ConfigValidationException">A tag value is invalid, or the merged config fails the schema.</exception>
    public async Task<StrategyConfig> LoadFromMlflowAsync(string name, string stage = DefaultStage, CancellationToken cancellationToken = default)
    {
        if (_registry is null)
        {
            throw new ExternalServiceException("mlflow", "No model registry is configured (set MLFLOW_TRACKING_URI)");
        }

        var registered = await _registry.ResolveAsync(name, stage, cancellationToken).ConfigureAwait(false);
        var baseConfig = await _merge.LoadBaseAsync(registered.ConfigName, cancellationToken).ConfigureAwait(false);
        var config = Bind(_merge.Merge(baseConfig, registered.Overrides));
        _logger.LogInformation(
            "Loaded strategy {Strategy} from the model registry: stage {Stage}, model version {ModelVersion}, config {ConfigName}, {OverrideCount} tag overrides",
            InputSanitizer.Sanitize(name), InputSanitizer.Sanitize(stage), registered.ModelVersion, registered.ConfigName, registered.Overrides.Count);
        return config;
    }

    /// <summary>
    /// <see cref="LoadFromMlflowAsync"/> first; on any failure of that path (registry down, no version at the stage, bad
    /// tags, the registry's config missing or invalid) logs why at Warning and loads <paramref name="name"/> straight
    /// from the store. Cancellation is not a failure and is never swallowed.
    /// </summary>
    public async Task<StrategyConfig> LoadWithFallbackAsync(string name, string stage = DefaultStage, CancellationToken cancellationToken = default)
    {
        try
        {
            return await LoadFromMlflowAsync(name, stage, cancellationToken).ConfigureAwait(false);
        }
        catch (TradaiException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(
                "Model-registry load of strategy {Strategy} at stage {Stage} failed ({Kind}: {Reason}); falling back to the config store",
                InputSanitizer.Sanitize(name), InputSanitizer.Sanitize(stage), ex.Kind, ex.Message);
            return await LoadAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }
}
