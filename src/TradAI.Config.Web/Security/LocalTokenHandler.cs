using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TradAI.Config.Web.Api;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Pages;

namespace TradAI.Config.Web.Security;

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;TRADAI_CONSOLE_TOKEN&gt;</c> (compared in constant time) and answers every
/// challenge and refusal of the console: a problem document for the API, a page for the browser.
/// </summary>
internal sealed class LocalTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, ConsoleOptions console)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } presented || LooksLikeJwt(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(Matches(console.Token, presented)
            ? AuthenticateResult.Success(new AuthenticationTicket(ConsoleUser.Local(console, Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("the bearer token is not the console's token"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        const string detail = "sign in: send 'Authorization: Bearer <token>' (the console's TRADAI_CONSOLE_TOKEN, or a JWT from the user pool), or open /login?token=<token> in the browser";
        Response.Headers.WWWAuthenticate = "Bearer";
        if (ConsolePaths.IsPage(Request))
        {
            await ErrorPage.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign in to the console",
                "Open the sign-in link that 'tradai serve' printed (/login?token=…), or sign in with your organisation's account.").ConfigureAwait(false);
            return;
        }

        await Problems.WriteAsync(Context, Problems.Create(StatusCodes.Status401Unauthorized, detail, instance: Request.Path)).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var detail = $"changing versions needs membership of the '{ConsoleJwtOptions.DeployersGroup}' group";
        if (ConsolePaths.IsPage(Request))
        {
            await ErrorPage.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", detail).ConfigureAwait(false);
            return;
        }

        await Problems.WriteAsync(Context, Problems.Create(StatusCodes.Status403Forbidden, detail, instance: Request.Path)).ConfigureAwait(false);
    }

    /// <summary>The credential of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>A compact JWS has three base64url parts; the local token (URL-safe, no dots) never does.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    /// <summary>Constant-time comparison of fixed-length digests, so neither content nor length leaks through timing.</summary>
    public static bool Matches(string? expected, string presented) =>
        expected is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
