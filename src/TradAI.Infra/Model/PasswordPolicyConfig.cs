namespace TradAI.Infra.Model;

/// <summary>Password policy of the user pool.</summary>
public sealed record PasswordPolicyConfig(
    int MinLength,
    bool RequireLowercase,
    bool RequireUppercase,
    bool RequireDigits,
    bool RequireSymbols,
    int TemporaryPasswordValidityDays);
