using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Mixins;
using TradAI.Settings.Secrets;

namespace TradAI.Settings.Services;

/// <summary>
/// What a trading service reads: where its state and the strategies' active versions live, the WebSocket key it
/// verifies tokens with (<see cref="WebSocketKeySettings"/>), and MLflow. Live and dry-run trading run one image
/// under their own prefix (<see cref="LiveTradingSettings"/>, <see cref="DryRunTradingSettings"/>).
/// </summary>
public abstract record TradingSettings : ServiceSettings, IUsesMlflow
{
    private protected TradingSettings(SettingValues values)
        : base(values)
    {
        StateTableName = values.Get(Fields.StateTableName);
        DynamoDbTableName = values.Get(Fields.DynamoDbTableName);
        WebSocketSecretKey = values.Get(Fields.WebSocketSecretKey)!;
        Mlflow = new MlflowSettings(values);
    }

    /// <summary>Positions and orders per strategy and mode; defaults to <c>tradai-trading-state-{env}</c>.</summary>
    public string StateTableName { get; }

    /// <summary>The config-versions table (active versions); defaults to <c>tradai-config-versions-{env}</c>.</summary>
    public string DynamoDbTableName { get; }

    /// <summary>Verifies WebSocket tokens. Masked in <see cref="object.ToString"/>.</summary>
    public SecretString WebSocketSecretKey { get; }

    public MlflowSettings Mlflow { get; }

    /// <summary>The schema of one trading service: its profile's name and prefix over the shared fields.</summary>
    private protected static SettingsSchema<T> SchemaOf<T>(ServiceProfile profile, Func<SettingValues, T> constructor)
        where T : TradingSettings =>
        SchemaFor(profile, constructor)
            .Add(Fields.StateTableName, Fields.DynamoDbTableName)
            .Add(WebSocketKeySettings.Group)
            .Add(MlflowSettings.Group)
            .Build();

    public static new class Fields
    {
        public static readonly SettingField<string> StateTableName = ResourceSettings.Table("state_table_name", ResourceKeys.Tables.TradingState);

        public static readonly SettingField<string> DynamoDbTableName = ResourceSettings.Table("dynamodb_table_name", ResourceKeys.Tables.ConfigVersions);

        /// <summary>The WebSocket key (<see cref="WebSocketKeySettings.SecretKey"/>).</summary>
        public static readonly SettingField<SecretString?> WebSocketSecretKey = WebSocketKeySettings.SecretKey;
    }
}
