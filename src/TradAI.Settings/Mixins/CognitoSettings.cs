using System.Text.RegularExpressions;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Mixins;

/// <summary>
/// Cognito authentication settings (SPEC §6 <c>CognitoSettingsMixin</c>). When <see cref="AuthEnabled"/> is on,
/// the user pool and client id are required. The region defaults to the one the pool id names (<c>eu-west-1_AbC</c>).
/// </summary>
public sealed partial record CognitoSettings
{
    public CognitoSettings(SettingValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        UserPoolId = values.Get(Fields.UserPoolId);
        ClientId = values.Get(Fields.ClientId);
        Region = values.Get(Fields.Region);
        AuthEnabled = values.Get(Fields.AuthEnabled);
    }

    public string? UserPoolId { get; }

    public string? ClientId { get; }

    public string? Region { get; }

    public bool AuthEnabled { get; }

    public static SettingsGroup Group { get; } = new(
        "cognito",
        [Fields.UserPoolId, Fields.ClientId, Fields.Region, Fields.AuthEnabled],
        [CheckAuth]);

    public static class Fields
    {
        public static readonly SettingField<string?> UserPoolId = Setting.String("cognito_user_pool_id").WithAliases("COGNITO_USER_POOL_ID")
            .WithCheck(v => v is null || UserPoolPattern().IsMatch(v) ? null : "must be a Cognito user pool id such as eu-west-1_AbCdEf123");

        public static readonly SettingField<string?> ClientId = Setting.String("cognito_client_id").WithAliases("COGNITO_CLIENT_ID")
            .WithCheck(v => v is null || ClientIdPattern().IsMatch(v) ? null : "must be a Cognito app client id (1 to 128 letters, digits, '+' or '_')");

        public static readonly SettingField<string?> Region = Setting.String("cognito_region").WithAliases("COGNITO_REGION")
            .WithDefault(v => v.TryGet(UserPoolId, out var pool) && pool?.IndexOf('_', StringComparison.Ordinal) is > 0 and var i ? pool[..i] : null, "from the user pool id")
            .WithCheck(SettingValidators.AwsRegion);

        public static readonly SettingField<bool> AuthEnabled = Setting.Bool("auth_enabled", false).WithAliases("AUTH_ENABLED");
    }

    private static void CheckAuth(SettingsRuleContext context)
    {
        if (!context.TryGet(Fields.AuthEnabled, out var enabled) || !enabled)
        {
            return;
        }

        if (context.TryGet(Fields.UserPoolId, out var pool) && pool is null)
        {
            context.Fail(Fields.UserPoolId, "is required when auth is enabled");
        }

        if (context.TryGet(Fields.ClientId, out var client) && client is null)
        {
            context.Fail(Fields.ClientId, "is required when auth is enabled");
        }
    }

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}_[0-9A-Za-z]+$")]
    private static partial Regex UserPoolPattern();

    [GeneratedRegex(@"^[\w+]{1,128}$")]
    private static partial Regex ClientIdPattern();
}
