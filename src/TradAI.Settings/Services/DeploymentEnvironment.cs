namespace TradAI.Settings.Services;

/// <summary>The deployment environment; environment-safety rules (SPEC §8) key off it.</summary>
public enum DeploymentEnvironment
{
    Dev,
    Staging,
    Prod,
}

/// <summary>Spellings of <see cref="DeploymentEnvironment"/> (explicit, so no enum reflection is needed).</summary>
public static class DeploymentEnvironments
{
    public static IReadOnlyDictionary<string, DeploymentEnvironment> Spellings { get; } = new Dictionary<string, DeploymentEnvironment>(StringComparer.OrdinalIgnoreCase)
    {
        ["dev"] = DeploymentEnvironment.Dev,
        ["development"] = DeploymentEnvironment.Dev,
        ["staging"] = DeploymentEnvironment.Staging,
        ["prod"] = DeploymentEnvironment.Prod,
        ["production"] = DeploymentEnvironment.Prod,
    };

    /// <summary>The short name used in resource names (<c>tradai-configs-dev</c>).</summary>
    public static string ToName(this DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Staging => "staging",
        DeploymentEnvironment.Prod => "prod",
        _ => "dev",
    };
}
