using Microsoft.IdentityModel.Tokens;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Web.Hosting;

/// <summary>How the console authenticates callers and bounds requests. Immutable; built once by <c>tradai serve</c> or a test.</summary>
public sealed record ConsoleOptions
{
    /// <summary>Variable holding the local bearer token; <c>tradai serve</c> generates one when it is unset.</summary>
    public const string TokenVariable = "TRADAI_CONSOLE_TOKEN";

    /// <summary>Shortest local token accepted: a guessable token would make the console world-writable.</summary>
    public const int MinTokenLength = 16;

    /// <summary>The local bearer token, also what <c>/login?token=</c> exchanges for a session cookie; null disables local sign-in.</summary>
    public string? Token { get; init; }

    /// <summary>Who a local-token caller is (<c>created_by</c> of what they create): the user who started the console.</summary>
    public string LocalUser { get; init; } = Environment.UserName is { Length: > 0 } user ? user : "tradai-console";

    /// <summary>JWT bearer validation (a Cognito user pool in the cloud); null accepts no JWTs.</summary>
    public ConsoleJwtOptions? Jwt { get; init; }

    /// <summary>The bounds a submitted document must keep: the CLI's (4 MiB, nodes, depth), empty documents refused.</summary>
    public YamlReadOptions Input { get; init; } = YamlReadOptions.Default with { AllowEmptyDocument = false };

    /// <summary>
    /// Folder of the keys that sign session cookies and antiforgery tokens (ASP.NET Core data protection's XML key
    /// ring); null keeps them in memory, so a restart signs everyone out and two replicas reject each other's cookies.
    /// Replicas behind one load balancer share one folder; the keys are stored unencrypted, so the folder must be private.
    /// </summary>
    public string? KeysDirectory { get; init; }

    /// <summary>How long a browser session (the cookie /login sets) lasts.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Largest request body Kestrel accepts at all (a submitted document plus form overhead).</summary>
    public long MaxRequestBodyBytes => Input.MaxDocumentBytes + (64 * 1024);
}

/// <summary>JWT bearer settings: the issuer and audience of the user pool, and how signing keys are found.</summary>
public sealed record ConsoleJwtOptions
{
    /// <summary>Group (or role) a caller needs to change anything: activate, roll back, create versions.</summary>
    public const string DeployersGroup = "tradai-deployers";

    /// <summary>The token issuer, e.g. <c>https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC</c>; its OpenID metadata gives the keys.</summary>
    public required string Issuer { get; init; }

    /// <summary>The app client id: an ID token's <c>aud</c> or an access token's <c>client_id</c>.</summary>
    public required string Audience { get; init; }

    /// <summary>Signing keys to trust instead of fetching the issuer's JWKS (offline deployments, tests).</summary>
    public IReadOnlyList<SecurityKey>? SigningKeys { get; init; }

    /// <summary>The issuer of a Cognito user pool: one home for the URL pattern.</summary>
    public static string CognitoIssuer(string region, string userPoolId) => $"https://cognito-idp.{region}.amazonaws.com/{userPoolId}";
}
