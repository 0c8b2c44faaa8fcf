using TradAI.Config.Core.Repositories;
using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Mixins;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Services;

/// <summary>
/// Settings of the strategy service (<see cref="ServiceProfiles.StrategyService"/>, prefix <c>STRATEGY_</c>): where
/// its configs, versions, results and market data live, which model stage it loads, plus the MLflow group. It serves
/// every strategy in the store; <see cref="StrategyName"/> pins it to one.
/// </summary>
public sealed record StrategyServiceSettings : ServiceSettings, ISettings<StrategyServiceSettings>, IUsesMlflow
{
    private StrategyServiceSettings(SettingValues values)
        : base(values)
    {
        StrategyName = values.Get(Fields.StrategyName);
        ConfigBucket = values.Get(Fields.ConfigBucket);
        DynamoDbTableName = values.Get(Fields.DynamoDbTableName);
        ResultsBucket = values.Get(Fields.ResultsBucket);
        DataBucket = values.Get(Fields.DataBucket);
        ModelStage = values.Get(Fields.ModelStage);
        BacktestTimeoutSeconds = values.Get(Fields.BacktestTimeoutSeconds);
        Mlflow = new MlflowSettings(values);
    }

    /// <summary>The one strategy config this instance serves, when it is pinned to one; null serves them all.</summary>
    public string? StrategyName { get; }

    /// <summary>The config store's bucket; defaults to <c>tradai-configs-{env}</c>.</summary>
    public string ConfigBucket { get; }

    /// <summary>The config-versions table (active versions); defaults to <c>tradai-config-versions-{env}</c>.</summary>
    public string DynamoDbTableName { get; }

    /// <summary>Where backtest results are written; defaults to <c>tradai-results-{env}</c>.</summary>
    public string ResultsBucket { get; }

    /// <summary>Market data read by backtests; defaults to <c>tradai-data-{env}</c>.</summary>
    public string DataBucket { get; }

    /// <summary>MLflow registry stage: None, Staging, Production or Archived.</summary>
    public string ModelStage { get; }

    public int BacktestTimeoutSeconds { get; }

    public MlflowSettings Mlflow { get; }

    public static SettingsSchema<StrategyServiceSettings> Schema { get; } =
        SchemaFor(ServiceProfiles.StrategyService, v => new StrategyServiceSettings(v))
            .Add(Fields.StrategyName, Fields.ConfigBucket, Fields.DynamoDbTableName, Fields.ResultsBucket, Fields.DataBucket, Fields.ModelStage, Fields.BacktestTimeoutSeconds)
            .Add(MlflowSettings.Group)
            .Build();

    public static new class Fields
    {
        public static readonly SettingField<string?> StrategyName = Setting.String("strategy_name").WithCheck(v => v is null ? null : ConfigNames.Check(v));

        public static readonly SettingField<string> ConfigBucket = ResourceSettings.Bucket("config_bucket", ResourceKeys.Buckets.Configs);

        public static readonly SettingField<string> DynamoDbTableName = ResourceSettings.Table("dynamodb_table_name", ResourceKeys.Tables.ConfigVersions);

        public static readonly SettingField<string> ResultsBucket = ResourceSettings.Bucket("results_bucket", ResourceKeys.Buckets.Results);

        public static readonly SettingField<string> DataBucket = ResourceSettings.Bucket("data_bucket", ResourceKeys.Buckets.Data);

        public static readonly SettingField<string> ModelStage = Setting.String("model_stage", "Production")
            .WithCheck(v => v is "None" or "Staging" or "Production" or "Archived" ? null : "must be one of None, Staging, Production, Archived");

        public static readonly SettingField<int> BacktestTimeoutSeconds = Setting.Int("backtest_timeout_seconds", 3600).WithCheck(SettingValidators.Range(1, 86_400));
    }
}
