using System.Text.RegularExpressions;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Secrets;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Mixins;

/// <summary>
/// MLflow connection settings (SPEC §6 <c>MLflowSettingsMixin</c>): a service includes <see cref="Group"/> in its
/// schema and exposes an instance through <see cref="IUsesMlflow"/>. Each field is read from the service-prefixed
/// variable first, then MLflow's own (<c>MLFLOW_TRACKING_URI</c>, <c>MLFLOW_TRACKING_USERNAME</c>, …).
/// Credentials are either a username/password pair, a token, or the name of a Secrets Manager secret holding them.
/// </summary>
public sealed partial record MlflowSettings
{
    public MlflowSettings(SettingValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        TrackingUri = values.Get(Fields.TrackingUri);
        Username = values.Get(Fields.Username);
        Password = values.Get(Fields.Password);
        Token = values.Get(Fields.Token);
        SecretName = values.Get(Fields.SecretName);
        VerifySsl = values.Get(Fields.VerifySsl);
    }

    public string? TrackingUri { get; }

    public string? Username { get; }

    public SecretString? Password { get; }

    public SecretString? Token { get; }

    /// <summary>A Secrets Manager secret (name or ARN) holding the credentials, as <c>MLFLOW_SECRET_NAME</c> in the spec.</summary>
    public string? SecretName { get; }

    public bool VerifySsl { get; }

    public static SettingsGroup Group { get; } = new(
        "mlflow",
        [Fields.TrackingUri, Fields.Username, Fields.Password, Fields.Token, Fields.SecretName, Fields.VerifySsl],
        [CheckCredentials]);

    public static class Fields
    {
        public static readonly SettingField<string?> TrackingUri = Setting.String("mlflow_tracking_uri").WithAliases("MLFLOW_TRACKING_URI").WithCheck(SettingValidators.Url);

        public static readonly SettingField<string?> Username = Setting.String("mlflow_username").WithAliases("MLFLOW_TRACKING_USERNAME");

        public static readonly SettingField<SecretString?> Password = Setting.Secret("mlflow_password").WithAliases("MLFLOW_TRACKING_PASSWORD");

        public static readonly SettingField<SecretString?> Token = Setting.Secret("mlflow_token").WithAliases("MLFLOW_TRACKING_TOKEN");

        public static readonly SettingField<string?> SecretName = Setting.String("mlflow_secret_name").WithAliases("MLFLOW_SECRET_NAME").WithCheck(CheckSecretName);

        public static readonly SettingField<bool> VerifySsl = Setting.Bool("mlflow_verify_ssl", true).WithAliases("MLFLOW_VERIFY_SSL");
    }

    private static string? CheckSecretName(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value.StartsWith("arn:", StringComparison.Ordinal)
            ? SettingValidators.ArnOf("secretsmanager", "secret:")(value)
            : SecretNamePattern().IsMatch(value) ? null : "must be a Secrets Manager secret name (1 to 512 of letters, digits and /_+=.@-) or ARN";
    }

    private static void CheckCredentials(SettingsRuleContext context)
    {
        var hasUser = context.TryGet(Fields.Username, out var user) && user is not null;
        var hasPassword = context.TryGet(Fields.Password, out var password) && password is not null;
        var hasToken = context.TryGet(Fields.Token, out var token) && token is not null;
        var hasSecret = context.TryGet(Fields.SecretName, out var secret) && secret is not null;
        if (hasUser != hasPassword)
        {
            context.Fail(hasUser ? Fields.Password : Fields.Username, "MLflow username and password must be given together");
        }

        if (hasToken && (hasUser || hasPassword))
        {
            context.Fail(Fields.Token, "give either an MLflow token or a username/password, not both");
        }

        if ((hasUser || hasPassword || hasToken || hasSecret) && context.TryGet(Fields.TrackingUri, out var uri) && uri is null)
        {
            context.Fail(Fields.TrackingUri, "is required when MLflow credentials are configured");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@-]{1,512}$")]
    private static partial Regex SecretNamePattern();
}
