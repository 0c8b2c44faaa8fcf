using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Registry;

/// <summary>
/// A model registry that knows which config a deployed strategy runs with (SPEC §4.3: MLflow).
/// It turns a strategy name and stage into the store's config name plus overrides derived from the model's tags.
/// </summary>
public interface IStrategyRegistry
{
    /// <summary>Looks up the registered model for <paramref name="strategyName"/> at <paramref name="stage"/>.</summary>
    /// <exception cref="Errors.NotFoundException">No model, or no version at that stage.</exception>
    /// <exception cref="Errors.ExternalServiceException">The registry is unreachable or failed.</exception>
    /// <exception cref="Errors.ConfigValidationException">A tag has a value its parser rejects.</exception>
    Task<RegisteredStrategy> ResolveAsync(string strategyName, string stage, CancellationToken cancellationToken = default);
}

/// <summary>What the registry says about a strategy's deployed model.</summary>
/// <param name="ConfigName">The config to download from the store.</param>
/// <param name="Overrides">Values derived from the model's tags, merged over the stored config.</param>
/// <param name="ModelVersion">The registry's version id, for logs and provenance.</param>
public sealed record RegisteredStrategy(string ConfigName, ConfigMapping Overrides, string ModelVersion);
