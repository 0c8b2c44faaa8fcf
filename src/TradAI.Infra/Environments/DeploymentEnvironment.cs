using System.Text.Json.Serialization;

namespace TradAI.Infra.Environments;

/// <summary>The three environments the stacks are deployed to; every per-environment difference keys off this.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentEnvironment>))]
public enum DeploymentEnvironment
{
    [JsonStringEnumMemberName("dev")]
    Dev,

    [JsonStringEnumMemberName("staging")]
    Staging,

    [JsonStringEnumMemberName("prod")]
    Prod,
}
