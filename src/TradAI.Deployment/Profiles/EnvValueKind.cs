namespace TradAI.Deployment.Profiles;

/// <summary>
/// Which fact of the deployed world a service's variable carries. The infrastructure config turns each into a value
/// (or says why it cannot yet); the profile only says which fact goes where.
/// </summary>
public enum EnvValueKind
{
    /// <summary>The service's own name (<c>backend</c>).</summary>
    ServiceName,

    /// <summary>The environment name (<c>dev</c>).</summary>
    Environment,

    /// <summary>The service's container port.</summary>
    Port,

    /// <summary>The AWS region the stacks target.</summary>
    Region,

    /// <summary>The CORS origins the API allows, comma-separated.</summary>
    CorsOrigins,

    /// <summary>The name of the bucket whose key is the entry's target.</summary>
    BucketName,

    /// <summary><c>s3://{bucket}/</c> of the bucket whose key is the entry's target.</summary>
    BucketUri,

    /// <summary>The name of the table whose key is the entry's target.</summary>
    TableName,

    /// <summary>The private-DNS URL of the service named by the entry's target.</summary>
    ServiceUrl,

    /// <summary>The ECS cluster name.</summary>
    Cluster,

    /// <summary>The backtest queue's URL (needs the account id).</summary>
    BacktestQueueUrl,

    /// <summary>The backtest workflow's ARN (needs the account id).</summary>
    BacktestStateMachineArn,

    /// <summary>The Cognito user pool id (assigned at deployment).</summary>
    UserPoolId,

    /// <summary>The Cognito app client id (assigned at deployment).</summary>
    UserPoolClientId,

    /// <summary>The PostgreSQL database name.</summary>
    DatabaseName,

    /// <summary>The entry's target, as given.</summary>
    Literal,
}
