using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace TradAI.Config.Web.Api.Contracts;

/// <summary>Source-generated JSON for every API document (no reflection: the console runs inside the Native AOT CLI).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<StrategyItem>))]
[JsonSerializable(typeof(VersionItem))]
[JsonSerializable(typeof(VersionPage))]
[JsonSerializable(typeof(DiffResult))]
[JsonSerializable(typeof(CreateResult))]
[JsonSerializable(typeof(ActivationResult))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(IReadOnlyList<ProblemEntry>))]
[JsonSerializable(typeof(HealthResult))]
public sealed partial class ConsoleJsonContext : JsonSerializerContext;
