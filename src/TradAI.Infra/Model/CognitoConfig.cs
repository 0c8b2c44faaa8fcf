namespace TradAI.Infra.Model;

/// <summary>Cognito user pool with its password policy; MFA is required in every environment (§8).</summary>
public sealed record CognitoConfig(
    string UserPoolName,
    string ClientName,
    PasswordPolicyConfig PasswordPolicy,
    bool MfaRequired,
    bool MfaTotp,
    bool MfaSms);
