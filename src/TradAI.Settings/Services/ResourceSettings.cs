using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Settings.Fields;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Services;

/// <summary>
/// Settings that name a deployed resource: by default the name the stacks give it in the settings' environment
/// (<c>tradai-configs-{env}</c>, from <see cref="ResourceNames"/>), so a service started without its env file still
/// finds its environment's resources, and nothing here restates the naming convention.
/// </summary>
public static class ResourceSettings
{
    /// <summary>A bucket-name setting defaulting to bucket <paramref name="key"/> of the environment.</summary>
    public static SettingField<string> Bucket(string name, string key) =>
        Named(name, key).WithCheck(SettingValidators.S3BucketName);

    /// <summary>A table-name setting defaulting to table <paramref name="key"/> of the environment.</summary>
    public static SettingField<string> Table(string name, string key) =>
        Named(name, key).WithCheck(SettingValidators.DynamoDbTableName);

    private static SettingField<string> Named(string name, string key) =>
        Setting.String(name, ResourceNames.Of(ResourceNames.DefaultProject, key, DeploymentEnvironment.Dev))
            .WithDefault(
                v => ResourceNames.Of(ResourceNames.DefaultProject, key, v.GetOrDefault(ServiceSettings.Fields.Environment, DeploymentEnvironment.Dev)),
                $"default ({ResourceNames.DefaultProject}-{key}-{{env}})");
}
