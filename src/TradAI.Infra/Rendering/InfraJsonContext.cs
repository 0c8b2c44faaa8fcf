using System.Text.Json.Serialization;
using TradAI.Infra.Model;

namespace TradAI.Infra.Rendering;

/// <summary>
/// Source-generated (reflection-free, Native-AOT safe) JSON for <see cref="InfraConfig"/>, with the snake_case names
/// the Python config used. The rendered document, the flattened view and the diff all come from this one contract.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(InfraConfig))]
internal sealed partial class InfraJsonContext : JsonSerializerContext;
