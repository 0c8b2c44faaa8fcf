using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Mixins;
using TradAI.Settings.Secrets;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Services;

/// <summary>
/// Settings of the backend API (SPEC §6, prefix <c>BACKEND_</c>): where its collaborators are, how it runs
/// backtests, its AWS resources, and the WebSocket signing key, plus the MLflow and Cognito groups.
/// Environment safety (SPEC §8): the LOCAL executor is refused outside dev; the WebSocket key is generated
/// in dev when absent but must be given explicitly (at least 32 characters) in staging and prod
/// (<see cref="WebSocketKeySettings"/>). Name, prefix and port come from <see cref="ServiceProfiles.Backend"/>.
/// </summary>
public sealed record BackendSettings : ServiceSettings, ISettings<BackendSettings>, IUsesMlflow, IUsesCognito
{
    /// <summary>Minimum WebSocket secret key length outside dev.</summary>
    public const int MinimumSecretKeyLength = WebSocketKeySettings.MinimumLength;

    private BackendSettings(SettingValues values)
        : base(values)
    {
        DataCollectionUrl = values.Get(Fields.DataCollectionUrl);
        StrategyServiceUrl = values.Get(Fields.StrategyServiceUrl);
        ExecutorMode = values.Get(Fields.ExecutorMode);
        EcsCluster = values.Get(Fields.EcsCluster);
        StepFunctionsStateMachineArn = values.Get(Fields.StepFunctionsStateMachineArn);
        S3ConfigBucket = values.Get(Fields.S3ConfigBucket);
        DynamoDbTableName = values.Get(Fields.DynamoDbTableName);
        ResultsBucket = values.Get(Fields.ResultsBucket);
        JobsTableName = values.Get(Fields.JobsTableName);
        AwsRegion = values.Get(Fields.AwsRegion);
        SqsQueueUrl = values.Get(Fields.SqsQueueUrl);
        WebSocketSecretKey = values.Get(Fields.WebSocketSecretKey)!;
        Mlflow = new MlflowSettings(values);
        Cognito = new CognitoSettings(values);
    }

    public string DataCollectionUrl { get; }

    public string StrategyServiceUrl { get; }

    public ExecutorMode ExecutorMode { get; }

    /// <summary>ECS cluster name or ARN; required for the ECS executor.</summary>
    public string? EcsCluster { get; }

    /// <summary>State machine ARN; required for the Step Functions executor.</summary>
    public string? StepFunctionsStateMachineArn { get; }

    /// <summary>Config bucket; defaults to <c>tradai-configs-{env}</c>.</summary>
    public string S3ConfigBucket { get; }

    /// <summary>Config-version table; defaults to <c>tradai-config-versions-{env}</c>.</summary>
    public string DynamoDbTableName { get; }

    /// <summary>Backtest results; defaults to <c>tradai-results-{env}</c>.</summary>
    public string ResultsBucket { get; }

    /// <summary>Backtest jobs; defaults to <c>tradai-backtest-jobs-{env}</c>.</summary>
    public string JobsTableName { get; }

    /// <summary><c>BACKEND_AWS_REGION</c>, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>.</summary>
    public string AwsRegion { get; }

    /// <summary>The backtest job queue.</summary>
    public string? SqsQueueUrl { get; }

    /// <summary>Signs WebSocket tokens. Masked in <see cref="object.ToString"/>.</summary>
    public SecretString WebSocketSecretKey { get; }

    public MlflowSettings Mlflow { get; }

    public CognitoSettings Cognito { get; }

    public static SettingsSchema<BackendSettings> Schema { get; } =
        SchemaFor(ServiceProfiles.Backend, v => new BackendSettings(v))
            .Add(
                Fields.DataCollectionUrl,
                Fields.StrategyServiceUrl,
                Fields.ExecutorMode,
                Fields.EcsCluster,
                Fields.StepFunctionsStateMachineArn,
                Fields.S3ConfigBucket,
                Fields.DynamoDbTableName,
                Fields.ResultsBucket,
                Fields.JobsTableName,
                Fields.AwsRegion,
                Fields.SqsQueueUrl)
            .Add(WebSocketKeySettings.Group)
            .Add(MlflowSettings.Group)
            .Add(CognitoSettings.Group)
            .Rule(LocalExecutorOnlyInDev)
            .Rule(ExecutorNeedsItsTarget)
            .Build();

    public static new class Fields
    {
        public static readonly SettingField<string> DataCollectionUrl = Setting.String("data_collection_url", "http://localhost:8002").WithCheck(SettingValidators.Url);

        public static readonly SettingField<string> StrategyServiceUrl = Setting.String("strategy_service_url", "http://localhost:8003").WithCheck(SettingValidators.Url);

        public static readonly SettingField<ExecutorMode> ExecutorMode =
            Setting.Choice("executor_mode", Services.ExecutorMode.Local, ExecutorModes.Spellings, m => m.ToName());

        public static readonly SettingField<string?> EcsCluster = Setting.String("ecs_cluster").WithCheck(SettingValidators.EcsCluster);

        public static readonly SettingField<string?> StepFunctionsStateMachineArn =
            Setting.String("stepfunctions_state_machine_arn").WithCheck(SettingValidators.StateMachineArn);

        public static readonly SettingField<string> S3ConfigBucket = ResourceSettings.Bucket("s3_config_bucket", ResourceKeys.Buckets.Configs);

        public static readonly SettingField<string> DynamoDbTableName = ResourceSettings.Table("dynamodb_table_name", ResourceKeys.Tables.ConfigVersions);

        public static readonly SettingField<string> ResultsBucket = ResourceSettings.Bucket("results_bucket", ResourceKeys.Buckets.Results);

        public static readonly SettingField<string> JobsTableName = ResourceSettings.Table("jobs_table_name", ResourceKeys.Tables.BacktestJobs);

        public static readonly SettingField<string> AwsRegion = Setting.String("aws_region", "us-east-1")
            .WithAliases("AWS_REGION", "AWS_DEFAULT_REGION")
            .WithCheck(SettingValidators.AwsRegion);

        public static readonly SettingField<string?> SqsQueueUrl = Setting.String("sqs_queue_url").WithCheck(SettingValidators.SqsQueueUrl);

        /// <summary>The WebSocket key (<see cref="WebSocketKeySettings.SecretKey"/>).</summary>
        public static readonly SettingField<SecretString?> WebSocketSecretKey = WebSocketKeySettings.SecretKey;
    }

    private static void LocalExecutorOnlyInDev(SettingsRuleContext context)
    {
        if (context.TryGet(ServiceSettings.Fields.Environment, out var env) && env != DeploymentEnvironment.Dev
            && context.TryGet(Fields.ExecutorMode, out var mode) && mode == Services.ExecutorMode.Local)
        {
            context.Fail(Fields.ExecutorMode, $"the LOCAL executor is allowed only in dev, not in {env.ToName()}; use ecs or stepfunctions");
        }
    }

    private static void ExecutorNeedsItsTarget(SettingsRuleContext context)
    {
        if (!context.TryGet(Fields.ExecutorMode, out var mode))
        {
            return;
        }

        if (mode == Services.ExecutorMode.Ecs && context.TryGet(Fields.EcsCluster, out var cluster) && cluster is null)
        {
            context.Fail(Fields.EcsCluster, "is required when executor_mode is ecs");
        }

        if (mode == Services.ExecutorMode.StepFunctions && context.TryGet(Fields.StepFunctionsStateMachineArn, out var arn) && arn is null)
        {
            context.Fail(Fields.StepFunctionsStateMachineArn, "is required when executor_mode is stepfunctions");
        }
    }
}
