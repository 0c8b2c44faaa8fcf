using TradAI.Deployment.Environments;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Services;

/// <summary>
/// The settings every TradAI service has (SPEC §6: <c>tradai.common.Settings</c>): identity, bind address, debug,
/// log level, CORS origins and the deployment environment. Immutable; instances come only from
/// <see cref="SettingsLoader"/>, validated.
/// </summary>
public abstract record ServiceSettings
{
    protected ServiceSettings(SettingValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Environment = values.Get(Fields.Environment);
        ServiceName = values.Get(Fields.ServiceName);
        ServiceVersion = values.Get(Fields.ServiceVersion);
        Host = values.Get(Fields.Host);
        Port = values.Get(Fields.Port);
        Debug = values.Get(Fields.Debug);
        LogLevel = values.Get(Fields.LogLevel);
        CorsOrigins = values.Get(Fields.CorsOrigins);
    }

    /// <summary>dev, staging or prod (<c>{PREFIX}ENVIRONMENT</c> or <c>ENVIRONMENT</c>).</summary>
    public DeploymentEnvironment Environment { get; }

    public string ServiceName { get; }

    public string ServiceVersion { get; }

    public string Host { get; }

    public int Port { get; }

    public bool Debug { get; }

    /// <summary>Upper-case Python logging level (DEBUG, INFO, WARNING, ERROR, CRITICAL).</summary>
    public string LogLevel { get; }

    /// <summary>Allowed CORS origins; by default <c>["*"]</c> in dev and none in staging and prod (SPEC §8).</summary>
    public StringList CorsOrigins { get; }

    /// <summary>
    /// Starts the schema of a service's settings type from its profile: the service's name (the CLI and the stacks
    /// use the same one), its variable prefix, and its name and port as the defaults of <c>service_name</c> and
    /// <c>port</c>; the shared fields come first.
    /// </summary>
    public static SettingsSchema<T>.Builder SchemaFor<T>(ServiceProfile profile, Func<SettingValues, T> constructor)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(profile);
        return SettingsSchema<T>.Create(profile.Name, profile.EnvPrefix, constructor)
            .Add(Group)
            .Default(Fields.ServiceName, profile.Name)
            .Default(Fields.Port, profile.Port);
    }

    /// <summary>The shared fields, for any settings schema to include.</summary>
    public static SettingsGroup Group { get; } = new(
        "service",
        [Fields.Environment, Fields.ServiceName, Fields.ServiceVersion, Fields.Host, Fields.Port, Fields.Debug, Fields.LogLevel, Fields.CorsOrigins],
        []);

    /// <summary>Descriptors of the shared fields (environment first: other defaults depend on it).</summary>
    public static class Fields
    {
        public static readonly SettingField<DeploymentEnvironment> Environment =
            Setting.Choice("environment", DeploymentEnvironment.Dev, DeploymentEnvironments.Spellings, e => e.ToName())
                .WithAliases("ENVIRONMENT")
                .WithDescription("Deployment environment: dev, staging or prod");

        public static readonly SettingField<string> ServiceName = Setting.String("service_name", "tradai-service");

        public static readonly SettingField<string> ServiceVersion = Setting.String("service_version", "0.1.0");

        public static readonly SettingField<string> Host = Setting.String("host", "0.0.0.0");

        public static readonly SettingField<int> Port = Setting.Int("port", 8000).WithCheck(SettingValidators.Port);

        public static readonly SettingField<bool> Debug = Setting.Bool("debug", false);

        public static readonly SettingField<string> LogLevel =
            new SettingField<string>("log_level", t => Parsed<string>.Success(t.Trim().ToUpperInvariant()), _ => "INFO")
                .WithCheck(SettingValidators.LogLevel);

        public static readonly SettingField<StringList> CorsOrigins =
            Setting.List("cors_origins", StringList.Empty)
                .WithDefault(v => v.GetOrDefault(Environment, DeploymentEnvironment.Dev) == DeploymentEnvironment.Dev ? StringList.Of("*") : StringList.Empty, "default for the environment")
                .WithCheck(SettingValidators.CorsOrigins);
    }
}
