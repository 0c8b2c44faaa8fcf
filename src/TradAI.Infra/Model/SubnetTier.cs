using System.Text.Json.Serialization;

namespace TradAI.Infra.Model;

/// <summary>Reachability of a subnet tier.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubnetTier>))]
public enum SubnetTier
{
    /// <summary>Internet gateway route; the ALB and NAT live here.</summary>
    [JsonStringEnumMemberName("public")]
    Public,

    /// <summary>Egress through NAT; ECS tasks and Lambdas.</summary>
    [JsonStringEnumMemberName("private")]
    Private,

    /// <summary>No route out; RDS.</summary>
    [JsonStringEnumMemberName("database")]
    Database,
}
