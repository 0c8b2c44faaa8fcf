using System.Text.Json.Serialization;

namespace TradAI.Infra.Model;

/// <summary>Which capacity a service's tasks run on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CapacityKind>))]
public enum CapacityKind
{
    /// <summary>The consolidated EC2 instance (dev/staging) or on-demand Fargate (prod).</summary>
    [JsonStringEnumMemberName("on_demand")]
    OnDemand,

    /// <summary>Fargate Spot: cheaper, may be interrupted; only for work that tolerates it (dry-run trading).</summary>
    [JsonStringEnumMemberName("spot")]
    Spot,
}
