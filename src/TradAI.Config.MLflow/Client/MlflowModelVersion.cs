namespace TradAI.Config.MLflow.Client;

/// <summary>One version of a registered model as the MLflow REST API 2.0 describes it (the fields TradAI uses).</summary>
/// <param name="Name">Registered model name.</param>
/// <param name="Version">Version number, as a string (MLflow's type).</param>
/// <param name="CurrentStage"><c>None</c>, <c>Staging</c>, <c>Production</c> or <c>Archived</c>.</param>
/// <param name="Status"><c>READY</c>, <c>PENDING_REGISTRATION</c> or <c>FAILED_REGISTRATION</c>.</param>
/// <param name="RunId">The run that produced the model, if any.</param>
/// <param name="Source">Artifact URI.</param>
/// <param name="Tags">The version's tags (key → value).</param>
/// <param name="Aliases">Aliases pointing at this version.</param>
public sealed record MlflowModelVersion(
    string Name,
    string Version,
    string? CurrentStage,
    string? Status,
    string? RunId,
    string? Source,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Aliases);
