namespace TradAI.Deployment.Naming;

/// <summary>
/// The keys of the deployed resources other parts refer to. A resource's name is <c>{project}-{key}-{env}</c>
/// (<see cref="ResourceNames"/>); the stacks create it under that name, and the services, the stores and the CLI find
/// it under the same one.
/// </summary>
public static class ResourceKeys
{
    /// <summary>S3 buckets.</summary>
    public static class Buckets
    {
        /// <summary>Strategy configs (the S3 config store) and the services' S3_CONFIG documents.</summary>
        public const string Configs = "configs";

        public const string Results = "results";

        public const string Logs = "logs";

        public const string Data = "data";

        public const string MlflowArtifacts = "mlflow-artifacts";
    }

    /// <summary>DynamoDB tables.</summary>
    public static class Tables
    {
        /// <summary>Config versions (the schema is TradAI.Deployment.Tables.VersionsTable).</summary>
        public const string ConfigVersions = "config-versions";

        public const string BacktestJobs = "backtest-jobs";

        public const string TradingState = "trading-state";
    }

    /// <summary>Secrets Manager secrets.</summary>
    public static class Secrets
    {
        /// <summary>The key that signs WebSocket tokens (generated in dev, created by an operator elsewhere).</summary>
        public const string WebSocketKey = "ws-secret-key";

        /// <summary>The PostgreSQL master credentials (JSON: username, password, host, port, dbname).</summary>
        public const string DatabaseCredentials = "rds-credentials";
    }

    /// <summary>The ECS cluster every service runs in.</summary>
    public const string Cluster = "cluster";

    /// <summary>The SQS queue the backend submits backtests to.</summary>
    public const string BacktestQueue = "backtest-jobs";

    /// <summary>The Step Functions workflow that runs a backtest.</summary>
    public const string BacktestStateMachine = "backtest-workflow";
}
