using System.Text.Json.Serialization;

namespace TradAI.Deployment.Environments;

/// <summary>
/// The three environments the platform is deployed to. Services, stacks and the CLI share this one type, so an
/// environment the infrastructure knows is exactly one a service accepts.
/// </summary>
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
