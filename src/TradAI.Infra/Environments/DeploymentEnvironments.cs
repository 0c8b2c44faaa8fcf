using TradAI.Config.Core.Errors;

namespace TradAI.Infra.Environments;

/// <summary>Parsing and naming of <see cref="DeploymentEnvironment"/>: one spelling per environment, used in every resource name.</summary>
public static class DeploymentEnvironments
{
    /// <summary>All environments, in promotion order.</summary>
    public static IReadOnlyList<DeploymentEnvironment> All { get; } = [DeploymentEnvironment.Dev, DeploymentEnvironment.Staging, DeploymentEnvironment.Prod];

    /// <summary>The lower-case name used in resource names (<c>tradai-configs-dev</c>).</summary>
    public static string ToName(this DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Dev => "dev",
        DeploymentEnvironment.Staging => "staging",
        DeploymentEnvironment.Prod => "prod",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "unknown environment"),
    };

    /// <summary>Parses <c>dev</c>, <c>staging</c> or <c>prod</c> (case-insensitive, surrounding blanks ignored).</summary>
    /// <param name="value">The text given by the user.</param>
    /// <param name="source">Where the text came from (<c>--env</c>, <c>context.environment</c>), named in the error.</param>
    /// <exception cref="ConfigValidationException">The text names no environment.</exception>
    public static DeploymentEnvironment Parse(string? value, string source)
    {
        if (TryParse(value, out var environment))
        {
            return environment;
        }

        var shown = string.IsNullOrWhiteSpace(value) ? "an empty value" : $"'{InputSanitizer.Sanitize(value)}'";
        throw new ConfigValidationException(source, $"{shown} is not an environment; expected one of dev, staging, prod");
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string? value, out DeploymentEnvironment environment)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "dev":
                environment = DeploymentEnvironment.Dev;
                return true;
            case "staging":
                environment = DeploymentEnvironment.Staging;
                return true;
            case "prod":
                environment = DeploymentEnvironment.Prod;
                return true;
            default:
                environment = default;
                return false;
        }
    }
}
