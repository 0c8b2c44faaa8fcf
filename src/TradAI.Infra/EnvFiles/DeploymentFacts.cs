using System.Text.RegularExpressions;
using TradAI.Config.Core.Errors;

namespace TradAI.Infra.EnvFiles;

/// <summary>
/// Values that exist outside the config: the account id (from <c>--account</c>, or the CDK's account token) and the
/// ids AWS assigns at deployment (which the CDK app passes as construct references).
/// </summary>
public sealed partial record DeploymentFacts(string? Account = null, string? UserPoolId = null, string? UserPoolClientId = null)
{
    /// <summary>No facts: only values derivable from the config are filled in.</summary>
    public static DeploymentFacts None { get; } = new();

    /// <summary>Facts from a user-given account id.</summary>
    /// <exception cref="ConfigValidationException">The id is not 12 digits.</exception>
    public static DeploymentFacts ForAccount(string? account)
    {
        if (account is null)
        {
            return None;
        }

        return AccountPattern().IsMatch(account)
            ? new DeploymentFacts(account)
            : throw new ConfigValidationException("--account", $"'{InputSanitizer.Sanitize(account)}' is not an AWS account id (12 digits)");
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();
}
