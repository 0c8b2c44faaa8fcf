using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Tests.Support;

/// <summary>JWTs the way a Cognito user pool issues them, signed with a test RSA key the console is told to trust.</summary>
public static class TestTokens
{
    public const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool";
    public const string Audience = "console-app-client";

    /// <summary>The local token the test console accepts.</summary>
    public const string LocalToken = "local-test-token-0123456789abcdef";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static ConsoleJwtOptions Jwt { get; } = new() { Issuer = Issuer, Audience = Audience, SigningKeys = [Key] };

    /// <summary>An ID token for <paramref name="user"/> in <paramref name="groups"/>.</summary>
    public static string Create(
        string user, string[] groups, string issuer = Issuer, string audience = Audience, SecurityKey? key = null, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["cognito:username"] = user,
            ["sub"] = Guid.NewGuid().ToString(),
            ["token_use"] = "id",
        };
        if (groups.Length > 0)
        {
            claims["cognito:groups"] = groups;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string Deployer(string user = "dana") => Create(user, [ConsoleJwtOptions.DeployersGroup]);

    public static string Reader(string user = "rex") => Create(user, ["tradai-readers"]);

    /// <summary>A well-formed token signed with a key the console does not trust.</summary>
    public static string Forged() => Create("mallory", [ConsoleJwtOptions.DeployersGroup], key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" });
}
