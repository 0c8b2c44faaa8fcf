namespace TradAI.Config.Hosting.Secrets;

/// <summary>Where a secret's JSON members go in configuration.</summary>
/// <param name="SecretName">The secret's name or ARN.</param>
/// <param name="Target">
/// With no <paramref name="Key"/>: the section every member goes under (<c>ConnectionStrings</c> → <c>ConnectionStrings:{member}</c>).
/// With a <paramref name="Key"/>: the one configuration key that member's value goes to.
/// </param>
/// <param name="Key">One member of the secret's JSON object, or null for all of them.</param>
public sealed record TradaiSecretMapping(string SecretName, string Target, string? Key = null);
