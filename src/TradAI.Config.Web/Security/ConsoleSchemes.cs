namespace TradAI.Config.Web.Security;

/// <summary>The console's authentication schemes and authorization policies, by name: one home for the strings.</summary>
internal static class ConsoleSchemes
{
    /// <summary>The default scheme: picks one of the three below from what the request carries.</summary>
    public const string Console = "TradaiConsole";

    /// <summary><c>Authorization: Bearer &lt;TRADAI_CONSOLE_TOKEN&gt;</c>.</summary>
    public const string LocalToken = "TradaiLocalToken";

    /// <summary>The browser session that <c>/login?token=…</c> starts.</summary>
    public const string Cookie = "TradaiSession";

    /// <summary><c>Authorization: Bearer &lt;JWT&gt;</c> from the configured issuer (a Cognito user pool).</summary>
    public const string Jwt = "TradaiJwt";

    /// <summary>The policy every write endpoint requires: membership of <see cref="Hosting.ConsoleJwtOptions.DeployersGroup"/>.</summary>
    public const string DeployersPolicy = "TradaiDeployers";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "tradai_console";
}
