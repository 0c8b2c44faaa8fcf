using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Registry;
using TradAI.Config.Core.Repositories;
using TradAI.Config.MLflow.Client;
using TradAI.Config.MLflow.Tags;

namespace TradAI.Config.MLflow.Registry;

/// <summary>
/// <see cref="IStrategyRegistry"/> over the MLflow model registry (SPEC §4.3 load_from_mlflow): the strategy's registered
/// model at a stage (<c>None</c>, <c>Staging</c>, <c>Production</c>, <c>Archived</c>) or, for any other word, the version
/// an alias such as <c>champion</c> points to; its tags give the config name and the overrides.
/// </summary>
public sealed class MlflowStrategyRegistry : IStrategyRegistry, IDisposable
{
    /// <summary>The model-registry stages; any other stage argument is read as an alias.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["None", "Staging", "Production", "Archived"];

    private readonly MlflowRegistryClient _client;
    private readonly IReadOnlyList<TagExtractor> _extractors;
    private readonly Func<string, string> _modelName;

    /// <param name="client">The REST client.</param>
    /// <param name="extractors">The tag table; <see cref="MlflowTagExtractors.Default"/> when null.</param>
    /// <param name="modelName">Strategy name → registered model name; identity when null.</param>
    public MlflowStrategyRegistry(MlflowRegistryClient client, IReadOnlyList<TagExtractor>? extractors = null, Func<string, string>? modelName = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _extractors = extractors ?? MlflowTagExtractors.Default;
        _modelName = modelName ?? (s => s);
    }

    /// <summary>A registry from <see cref="MlflowSettings.FromEnvironment"/>; null when <c>MLFLOW_TRACKING_URI</c> is not set.</summary>
    public static MlflowStrategyRegistry? FromEnvironment(Func<string, string?>? environment = null) =>
        MlflowSettings.FromEnvironment(environment) is { } settings ? new MlflowStrategyRegistry(new MlflowRegistryClient(settings)) : null;

    public async Task<RegisteredStrategy> ResolveAsync(string strategyName, string stage, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(strategyName))
        {
            throw new ConfigValidationException("strategy", "the strategy name is empty");
        }

        if (string.IsNullOrWhiteSpace(stage))
        {
            throw new ConfigValidationException("stage", "the stage is empty");
        }

        var model = _modelName(strategyName);
        var knownStage = Stages.FirstOrDefault(s => s.Equals(stage, StringComparison.OrdinalIgnoreCase));
        MlflowModelVersion version;
        if (knownStage is not null)
        {
            version = await _client.GetLatestVersionAsync(model, knownStage, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException($"MLflow model '{InputSanitizer.Sanitize(model)}' has no version in stage '{knownStage}'");
        }
        else
        {
            version = await _client.GetModelVersionByAliasAsync(model, stage.TrimStart('@'), cancellationToken).ConfigureAwait(false);
        }

        var configName = version.Tags.TryGetValue(MlflowTagExtractors.ConfigNameTag, out var tagged) && tagged.Length > 0 ? tagged : strategyName;
        if (ConfigNames.Check(configName) is { } problem)
        {
            throw new ConfigValidationException(
                "tags." + MlflowTagExtractors.ConfigNameTag,
                $"MLflow tag '{MlflowTagExtractors.ConfigNameTag}' = '{InputSanitizer.Sanitize(configName, 80)}' is not a valid config name: {problem}");
        }

        var overrides = MlflowTagExtractors.Extract(version.Tags, _extractors);
        return new RegisteredStrategy(ConfigNames.StripExtension(configName), overrides, version.Version);
    }

    public void Dispose() => _client.Dispose();
}
