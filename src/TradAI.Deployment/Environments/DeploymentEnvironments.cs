namespace TradAI.Deployment.Environments;

/// <summary>
/// The one spelling of each <see cref="DeploymentEnvironment"/>: <c>dev</c>, <c>staging</c>, <c>prod</c> (any case,
/// surrounding blanks ignored). The same word names the environment in <c>ENVIRONMENT</c>, <c>TRADAI_ENV</c>,
/// <c>-c environment=</c> and every resource name, so no other spelling is accepted anywhere.
/// </summary>
public static class DeploymentEnvironments
{
    /// <summary>All environments, in promotion order.</summary>
    public static IReadOnlyList<DeploymentEnvironment> All { get; } = [DeploymentEnvironment.Dev, DeploymentEnvironment.Staging, DeploymentEnvironment.Prod];

    /// <summary>What a valid value looks like, for error messages (<c>dev, staging, prod</c>).</summary>
    public const string Expected = "dev, staging, prod";

    /// <summary>Name to environment (case-insensitive), for parsers that take a spelling table.</summary>
    public static IReadOnlyDictionary<string, DeploymentEnvironment> Spellings { get; } =
        new Dictionary<string, DeploymentEnvironment>(StringComparer.OrdinalIgnoreCase)
        {
            ["dev"] = DeploymentEnvironment.Dev,
            ["staging"] = DeploymentEnvironment.Staging,
            ["prod"] = DeploymentEnvironment.Prod,
        };

    /// <summary>The lower-case name used in resource names (<c>tradai-configs-dev</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined environment.</exception>
    public static string ToName(this DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Dev => "dev",
        DeploymentEnvironment.Staging => "staging",
        DeploymentEnvironment.Prod => "prod",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "unknown environment"),
    };

    /// <summary>Parses <c>dev</c>, <c>staging</c> or <c>prod</c> without throwing; callers turn a failure into their own typed error.</summary>
    public static bool TryParse(string? value, out DeploymentEnvironment environment)
    {
        if (value is not null && Spellings.TryGetValue(value.Trim(), out environment))
        {
            return true;
        }

        environment = default;
        return false;
    }
}
