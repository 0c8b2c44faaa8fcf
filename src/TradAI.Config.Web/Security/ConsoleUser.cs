using System.Security.Claims;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Security;

/// <summary>
/// Who the authenticated caller is, as the version store records it (<c>created_by</c>), and whether they may deploy.
/// The client never sends either: both come from the verified token or session.
/// </summary>
internal static class ConsoleUser
{
    /// <summary>Claim types that may carry the caller's groups: Cognito's, the generic JWT ones, and .NET's role claim.</summary>
    private static readonly string[] GroupClaimTypes = ["cognito:groups", "groups", "roles", "role", ClaimTypes.Role];

    /// <summary>Claim types that may name the caller, most readable first; <c>sub</c> is the fallback every JWT has.</summary>
    private static readonly string[] NameClaimTypes = ["cognito:username", "username", "preferred_username", "email", ClaimTypes.Name, "name", "sub", ClaimTypes.NameIdentifier];

    /// <summary>A principal for a local-token caller: the user who started the console, a deployer (it is their machine).</summary>
    public static ClaimsPrincipal Local(ConsoleOptions options, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, options.LocalUser), new Claim(ClaimTypes.Role, ConsoleJwtOptions.DeployersGroup)],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role));

    public static bool IsDeployer(ClaimsPrincipal user) =>
        user.Claims.Any(c => GroupClaimTypes.Contains(c.Type, StringComparer.Ordinal) && string.Equals(c.Value, ConsoleJwtOptions.DeployersGroup, StringComparison.Ordinal));

    /// <summary>The first name claim that versions can record (<c>created_by</c>, <c>deployed_by</c>).</summary>
    /// <exception cref="ConfigValidationException">The token names the caller in no usable way.</exception>
    public static string Name(ClaimsPrincipal user)
    {
        foreach (var type in NameClaimTypes)
        {
            if (user.FindFirst(type)?.Value is { Length: > 0 } value && IsValidCreator(value))
            {
                return value;
            }
        }

        throw new ConfigValidationException("the credentials name no user that can be recorded as created_by or deployed_by");
    }

    /// <summary>A short name for page headers (HTML-encoded where shown).</summary>
    public static string Display(ClaimsPrincipal user)
    {
        try
        {
            return Name(user);
        }
        catch (ConfigValidationException)
        {
            return "unknown user";
        }
    }

    private static bool IsValidCreator(string value)
    {
        try
        {
            ConfigVersion.ValidateCreatedBy(value);
            return true;
        }
        catch (ConfigValidationException)
        {
            return false;
        }
    }
}
