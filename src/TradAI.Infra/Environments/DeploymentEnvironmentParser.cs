using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;

namespace TradAI.Infra.Environments;

/// <summary>Reads a <see cref="DeploymentEnvironment"/> from user input, failing with a typed error that names where the text came from.</summary>
public static class DeploymentEnvironmentParser
{
    /// <summary>Parses <c>dev</c>, <c>staging</c> or <c>prod</c> (case-insensitive, surrounding blanks ignored).</summary>
    /// <param name="value">The text given by the user.</param>
    /// <param name="source">Where the text came from (<c>--env</c>, <c>context.environment</c>, <c>TRADAI_ENV</c>), named in the error.</param>
    /// <exception cref="ConfigValidationException">The text names no environment.</exception>
    public static DeploymentEnvironment Parse(string? value, string source)
    {
        if (DeploymentEnvironments.TryParse(value, out var environment))
        {
            return environment;
        }

        var shown = string.IsNullOrWhiteSpace(value) ? "an empty value" : $"'{InputSanitizer.Sanitize(value)}'";
        throw new ConfigValidationException(source, $"{shown} is not an environment; expected one of {DeploymentEnvironments.Expected}");
    }
}
