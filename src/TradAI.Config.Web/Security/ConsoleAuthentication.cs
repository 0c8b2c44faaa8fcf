using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Security;

/// <summary>
/// Registers the console's schemes: a policy scheme that picks the local token, a JWT or the session cookie from what
/// the request carries; every challenge and refusal is answered by <see cref="LocalTokenHandler"/> (problem or page).
/// </summary>
internal static class ConsoleAuthentication
{
    public static void Add(IServiceCollection services, ConsoleOptions options)
    {
        var auth = services.AddAuthentication(ConsoleSchemes.Console)
            .AddPolicyScheme(ConsoleSchemes.Console, "TradAI console", policy =>
            {
                policy.ForwardDefaultSelector = context => Select(context, options);
                policy.ForwardChallenge = ConsoleSchemes.LocalToken;
                policy.ForwardForbid = ConsoleSchemes.LocalToken;
            })
            .AddScheme<AuthenticationSchemeOptions, LocalTokenHandler>(ConsoleSchemes.LocalToken, null)
            .AddCookie(ConsoleSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = ConsoleSchemes.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = false;
                cookie.ForwardChallenge = ConsoleSchemes.LocalToken;
                cookie.ForwardForbid = ConsoleSchemes.LocalToken;
            });

        if (options.Jwt is { } jwt)
        {
            auth.AddJwtBearer(ConsoleSchemes.Jwt, bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.RequireHttpsMetadata = jwt.Issuer.StartsWith("https://", StringComparison.Ordinal);
                bearer.ForwardChallenge = ConsoleSchemes.LocalToken;
                bearer.ForwardForbid = ConsoleSchemes.LocalToken;
                if (jwt.SigningKeys is null)
                {
                    bearer.Authority = jwt.Issuer; // keys from the issuer's OpenID metadata (Cognito's JWKS)
                }

                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidAudience = jwt.Audience,
                    AudienceValidator = (audiences, token, _) => IsForAudience(audiences, token, jwt.Audience),
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKeys = jwt.SigningKeys,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    NameClaimType = "cognito:username",
                };
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ConsoleSchemes.Console).RequireAuthenticatedUser().Build())
            .AddPolicy(ConsoleSchemes.DeployersPolicy, policy => policy
                .AddAuthenticationSchemes(ConsoleSchemes.Console)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => ConsoleUser.IsDeployer(context.User)));
    }

    private static string Select(HttpContext context, ConsoleOptions options)
    {
        if (LocalTokenHandler.BearerToken(context.Request) is { } token)
        {
            return LocalTokenHandler.LooksLikeJwt(token) && options.Jwt is not null ? ConsoleSchemes.Jwt : ConsoleSchemes.LocalToken;
        }

        return ConsoleSchemes.Cookie;
    }

    /// <summary>An ID token names the app client in <c>aud</c>; a Cognito access token in <c>client_id</c> (it has no <c>aud</c>).</summary>
    private static bool IsForAudience(IEnumerable<string> audiences, SecurityToken token, string audience) =>
        audiences.Contains(audience, StringComparer.Ordinal)
        || (token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("client_id", out var clientId) && string.Equals(clientId, audience, StringComparison.Ordinal));
}
