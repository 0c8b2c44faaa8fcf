using TradAI.Deployment.Profiles;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Secrets;

namespace TradAI.Settings.Services;

/// <summary>
/// Settings of the MLflow tracking server (<see cref="ServiceProfiles.Mlflow"/>, prefix <c>MLFLOW_</c>): its artifact
/// store and its PostgreSQL backend store. The stacks inject the database host, user and password from the managed
/// RDS secret. Without a database host the server keeps its local default store (development).
/// </summary>
public sealed record MlflowServerSettings : ServiceSettings, ISettings<MlflowServerSettings>
{
    private MlflowServerSettings(SettingValues values)
        : base(values)
    {
        ArtifactRoot = values.Get(Fields.ArtifactRoot);
        DbHost = values.Get(Fields.DbHost);
        DbName = values.Get(Fields.DbName);
        DbUsername = values.Get(Fields.DbUsername);
        DbPassword = values.Get(Fields.DbPassword);
    }

    /// <summary>Where run artifacts go (<c>s3://bucket/</c>); null keeps the server's local default.</summary>
    public string? ArtifactRoot { get; }

    public string? DbHost { get; }

    public string DbName { get; }

    public string? DbUsername { get; }

    /// <summary>Masked in <see cref="object.ToString"/>.</summary>
    public SecretString? DbPassword { get; }

    public static SettingsSchema<MlflowServerSettings> Schema { get; } =
        SchemaFor(ServiceProfiles.Mlflow, v => new MlflowServerSettings(v))
            .Add(Fields.ArtifactRoot, Fields.DbHost, Fields.DbName, Fields.DbUsername, Fields.DbPassword)
            .Rule(DatabaseNeedsCredentials)
            .Build();

    public static new class Fields
    {
        public static readonly SettingField<string?> ArtifactRoot = Setting.String("artifact_root").WithCheck(CheckArtifactRoot);

        public static readonly SettingField<string?> DbHost = Setting.String("db_host");

        public static readonly SettingField<string> DbName = Setting.String("db_name", "mlflow");

        public static readonly SettingField<string?> DbUsername = Setting.String("db_username");

        public static readonly SettingField<SecretString?> DbPassword = Setting.Secret("db_password");
    }

    private static string? CheckArtifactRoot(string? value) =>
        value is null || (value.StartsWith("s3://", StringComparison.Ordinal) && value.Length > 5 && Validation.SettingValidators.S3BucketName(value[5..].Split('/')[0]) is null)
            ? null
            : "must be s3://bucket/ with a valid bucket name";

    private static void DatabaseNeedsCredentials(SettingsRuleContext context)
    {
        if (!context.TryGet(Fields.DbHost, out var host) || host is null)
        {
            return;
        }

        if (context.TryGet(Fields.DbUsername, out var user) && user is null)
        {
            context.Fail(Fields.DbUsername, "is required when db_host is set");
        }

        if (context.TryGet(Fields.DbPassword, out var password) && password is null)
        {
            context.Fail(Fields.DbPassword, "is required when db_host is set");
        }
    }
}
