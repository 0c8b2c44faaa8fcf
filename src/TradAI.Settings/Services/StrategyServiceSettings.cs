using TradAI.Config.Core.Repositories;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Mixins;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Services;

/// <summary>
/// Settings of a strategy service (prefix <c>STRATEGY_</c>): which strategy it runs, where its configs live and
/// which model stage it loads, plus the MLflow group. Small on purpose: it shows the pattern generalises.
/// </summary>
public sealed record StrategyServiceSettings : ServiceSettings, ISettings<StrategyServiceSettings>, IUsesMlflow
{
    private StrategyServiceSettings(SettingValues values)
        : base(values)
    {
        StrategyName = values.Get(Fields.StrategyName)!;
        ConfigBucket = values.Get(Fields.ConfigBucket);
        ModelStage = values.Get(Fields.ModelStage);
        BacktestTimeoutSeconds = values.Get(Fields.BacktestTimeoutSeconds);
        Mlflow = new MlflowSettings(values);
    }

    /// <summary>The strategy config this service loads (required).</summary>
    public string StrategyName { get; }

    public string ConfigBucket { get; }

    /// <summary>MLflow registry stage: None, Staging, Production or Archived.</summary>
    public string ModelStage { get; }

    public int BacktestTimeoutSeconds { get; }

    public MlflowSettings Mlflow { get; }

    public static SettingsSchema<StrategyServiceSettings> Schema { get; } =
        SettingsSchema<StrategyServiceSettings>.Create("strategy", "STRATEGY_", v => new StrategyServiceSettings(v))
            .Add(Group)
            .Default(ServiceSettings.Fields.ServiceName, "strategy-service")
            .Default(ServiceSettings.Fields.Port, 8003)
            .Add(Fields.StrategyName, Fields.ConfigBucket, Fields.ModelStage, Fields.BacktestTimeoutSeconds)
            .Add(MlflowSettings.Group)
            .Build();

    public static new class Fields
    {
        public static readonly SettingField<string?> StrategyName = Setting.String("strategy_name").AsRequired().WithCheck(ConfigNames.Check);

        public static readonly SettingField<string> ConfigBucket = Setting.String("config_bucket", "tradai-configs-dev")
            .WithDefault(v => "tradai-configs-" + v.GetOrDefault(ServiceSettings.Fields.Environment, DeploymentEnvironment.Dev).ToName(), "default (tradai-configs-{env})")
            .WithCheck(SettingValidators.S3BucketName);

        public static readonly SettingField<string> ModelStage = Setting.String("model_stage", "Production")
            .WithCheck(v => v is "None" or "Staging" or "Production" or "Archived" ? null : "must be one of None, Staging, Production, Archived");

        public static readonly SettingField<int> BacktestTimeoutSeconds = Setting.Int("backtest_timeout_seconds", 3600).WithCheck(SettingValidators.Range(1, 86_400));
    }
}
