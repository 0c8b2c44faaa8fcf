using System.Text.Json.Serialization;

namespace TradAI.Config.Web.Api.Contracts;

/// <summary>The answer of <c>GET /health</c>: <c>ok</c> (200) or <c>unavailable</c> (503) with what failed.</summary>
public sealed record HealthResult(string Status)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Problem { get; init; }
}
