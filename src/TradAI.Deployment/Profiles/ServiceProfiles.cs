using TradAI.Deployment.Naming;
using static TradAI.Deployment.Profiles.AccessLevel;
using BucketKeys = TradAI.Deployment.Naming.ResourceKeys.Buckets;
using TableKeys = TradAI.Deployment.Naming.ResourceKeys.Tables;

namespace TradAI.Deployment.Profiles;

/// <summary>
/// The services of the platform, one row each: the only place that says which variables, secrets and permissions a
/// service gets. The compute stack builds the containers and task roles from it, <c>tradai infra env</c> prints it,
/// and each settings type reads its variables under the same names (a test holds both sides to it).
/// </summary>
/// <remarks>
/// Every service may read the config bucket: that is where its <c>S3_CONFIG</c> document lives. Every other grant
/// goes with a variable that names the resource.
/// </remarks>
public static class ServiceProfiles
{
    public const string BackendName = "backend";
    public const string StrategyServiceName = "strategy-service";
    public const string DataCollectionName = "data-collection";
    public const string MlflowName = "mlflow";
    public const string LiveTradingName = "live-trading";
    public const string DryRunTradingName = "dry-run-trading";

    /// <summary>What every service's settings read (<c>ServiceSettings</c>): identity, environment, port, CORS.</summary>
    private static readonly EnvEntry[] Common =
    [
        EnvEntry.Of("SERVICE_NAME", EnvValueKind.ServiceName),
        EnvEntry.Of("ENVIRONMENT", EnvValueKind.Environment),
        EnvEntry.Of("PORT", EnvValueKind.Port),
        EnvEntry.Of("CORS_ORIGINS", EnvValueKind.CorsOrigins),
    ];

    private static readonly ServicePermission ReadConfigs = ServicePermission.Bucket(BucketKeys.Configs, Read);

    public static ServiceProfile Backend { get; } = new(
        BackendName, "BACKEND_", 8000, "/api/v1/health", BackendName,
        [
            .. Common,
            EnvEntry.Of("AWS_REGION", EnvValueKind.Region),
            EnvEntry.Bucket("S3_CONFIG_BUCKET", BucketKeys.Configs),
            EnvEntry.Table("DYNAMODB_TABLE_NAME", TableKeys.ConfigVersions),
            EnvEntry.Literal("EXECUTOR_MODE", "ecs"),
            EnvEntry.Of("ECS_CLUSTER", EnvValueKind.Cluster),
            EnvEntry.Of("SQS_QUEUE_URL", EnvValueKind.BacktestQueueUrl),
            EnvEntry.Of("STEPFUNCTIONS_STATE_MACHINE_ARN", EnvValueKind.BacktestStateMachineArn),
            EnvEntry.ServiceUrl("DATA_COLLECTION_URL", DataCollectionName),
            EnvEntry.ServiceUrl("STRATEGY_SERVICE_URL", StrategyServiceName),
            EnvEntry.ServiceUrl("MLFLOW_TRACKING_URI", MlflowName),
            EnvEntry.Bucket("RESULTS_BUCKET", BucketKeys.Results),
            EnvEntry.Table("JOBS_TABLE_NAME", TableKeys.BacktestJobs),
            EnvEntry.Of("COGNITO_REGION", EnvValueKind.Region),
            EnvEntry.Of("COGNITO_USER_POOL_ID", EnvValueKind.UserPoolId),
            EnvEntry.Of("COGNITO_CLIENT_ID", EnvValueKind.UserPoolClientId),
        ],
        [new ServiceSecret("WEBSOCKET_SECRET_KEY", SecretKind.WebSocketKey)],
        [
            ServicePermission.Bucket(BucketKeys.Configs, ReadWrite),
            ServicePermission.Table(TableKeys.ConfigVersions, ReadWrite),
            ServicePermission.Table(TableKeys.BacktestJobs, ReadWrite),
            ServicePermission.Bucket(BucketKeys.Results, Read),
            new ServicePermission(ResourceKind.Queue, ResourceKeys.BacktestQueue, Send),
            new ServicePermission(ResourceKind.StateMachine, ResourceKeys.BacktestStateMachine, Start),
        ]);

    public static ServiceProfile StrategyService { get; } = new(
        StrategyServiceName, "STRATEGY_", 8003, "/health", StrategyServiceName,
        [
            .. Common,
            EnvEntry.Bucket("CONFIG_BUCKET", BucketKeys.Configs),
            EnvEntry.Table("DYNAMODB_TABLE_NAME", TableKeys.ConfigVersions),
            EnvEntry.ServiceUrl("MLFLOW_TRACKING_URI", MlflowName),
            EnvEntry.Bucket("RESULTS_BUCKET", BucketKeys.Results),
            EnvEntry.Bucket("DATA_BUCKET", BucketKeys.Data),
        ],
        [],
        [
            ReadConfigs,
            ServicePermission.Table(TableKeys.ConfigVersions, Read),
            ServicePermission.Bucket(BucketKeys.Results, ReadWrite),
            ServicePermission.Bucket(BucketKeys.Data, Read),
        ]);

    public static ServiceProfile DataCollection { get; } = new(
        DataCollectionName, "DATA_COLLECTION_", 8002, "/health", DataCollectionName,
        [.. Common, EnvEntry.Bucket("DATA_BUCKET", BucketKeys.Data)],
        [],
        [ReadConfigs, ServicePermission.Bucket(BucketKeys.Data, ReadWrite)]);

    public static ServiceProfile Mlflow { get; } = new(
        MlflowName, "MLFLOW_", 5000, "/health", MlflowName,
        [
            .. Common,
            EnvEntry.BucketUri("ARTIFACT_ROOT", BucketKeys.MlflowArtifacts),
            EnvEntry.Of("DB_NAME", EnvValueKind.DatabaseName),
        ],
        [
            new ServiceSecret("DB_HOST", SecretKind.DatabaseCredentials, "host"),
            new ServiceSecret("DB_USERNAME", SecretKind.DatabaseCredentials, "username"),
            new ServiceSecret("DB_PASSWORD", SecretKind.DatabaseCredentials, "password"),
        ],
        [ReadConfigs, ServicePermission.Bucket(BucketKeys.MlflowArtifacts, ReadWrite)]);

    public static ServiceProfile LiveTrading { get; } = Trading(LiveTradingName, "LIVE_TRADING_", 8080);

    public static ServiceProfile DryRunTrading { get; } = Trading(DryRunTradingName, "DRY_RUN_TRADING_", 8081);

    /// <summary>Every service, in deployment order.</summary>
    public static IReadOnlyList<ServiceProfile> All { get; } = [Backend, StrategyService, DataCollection, Mlflow, LiveTrading, DryRunTrading];

    /// <summary>The service names, comma-separated (for help and error messages).</summary>
    public static string Names { get; } = string.Join(", ", All.Select(p => p.Name));

    /// <summary>A service by name (case-insensitive), or null.</summary>
    public static ServiceProfile? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A service by name.</summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public static ServiceProfile Get(string name) => Find(name) ?? throw new KeyNotFoundException($"no service '{name}'; known: {Names}");

    /// <summary>Live and dry-run trading run the same image and settings shape under their own prefix and port.</summary>
    private static ServiceProfile Trading(string name, string prefix, int port) => new(
        name, prefix, port, "/health", "trading",
        [
            .. Common,
            EnvEntry.ServiceUrl("MLFLOW_TRACKING_URI", MlflowName),
            EnvEntry.Table("DYNAMODB_TABLE_NAME", TableKeys.ConfigVersions),
            EnvEntry.Table("STATE_TABLE_NAME", TableKeys.TradingState),
        ],
        [new ServiceSecret("WEBSOCKET_SECRET_KEY", SecretKind.WebSocketKey)],
        [
            ReadConfigs,
            ServicePermission.Table(TableKeys.ConfigVersions, Read),
            ServicePermission.Table(TableKeys.TradingState, ReadWrite),
        ]);
}
