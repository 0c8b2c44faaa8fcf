using System.Globalization;
using TradAI.Config.Core.Errors;
using TradAI.Infra.Environments;
using TradAI.Infra.Model;

namespace TradAI.Infra.EnvFiles;

/// <summary>
/// Derives each service's settings variables from the resolved infrastructure config. The CDK app uses the same
/// derivation for the containers' environment, passing the account token and deployed ids as <see cref="DeploymentFacts"/>.
/// </summary>
public static class ServiceEnvFiles
{
    /// <summary>The env file of <paramref name="serviceName"/>.</summary>
    /// <exception cref="ConfigValidationException">No such service.</exception>
    public static ServiceEnvFile Build(InfraConfig config, string serviceName, DeploymentFacts? facts = null)
    {
        facts ??= DeploymentFacts.None;
        var service = config.Services.FirstOrDefault(s => s.Name == serviceName)
            ?? throw new ConfigValidationException("--service",
                $"'{InputSanitizer.Sanitize(serviceName)}' is not a service; known services: {string.Join(", ", config.Services.Select(s => s.Name))}");

        var env = config.Environment;
        var p = service.EnvPrefix;
        var entries = new List<EnvFileEntry>();
        void Known(string name, string value, string origin) => entries.Add(new EnvFileEntry(p + name, value, EnvValueAvailability.Known, origin));
        void WithAccount(string name, Func<string, string> value, string origin)
        {
            var template = value("{account}");
            entries.Add(facts.Account is null
                ? new EnvFileEntry(p + name, null, EnvValueAvailability.NeedsAccount, template)
                : new EnvFileEntry(p + name, value(facts.Account), EnvValueAvailability.NeedsAccount, origin));
        }

        void Deployed(string name, string? value, string stack, string output) =>
            entries.Add(new EnvFileEntry(p + name, value, EnvValueAvailability.AfterDeployment, $"output {output} of stack {env.StackName(stack)}"));

        string Url(string target)
        {
            var s = config.Service(target);
            return $"http://{s.Name}.{config.Network.ServiceDiscoveryNamespace}:{s.Port.ToString(CultureInfo.InvariantCulture)}";
        }

        Known("SERVICE_NAME", service.Name, "services[].name");
        Known("ENVIRONMENT", env.Name.ToName(), "environment.name");
        Known("PORT", service.Port.ToString(CultureInfo.InvariantCulture), $"services[{service.Name}].port");
        Known("AWS_REGION", env.Region, "environment.region");
        Known("S3_CONFIG_BUCKET", config.Storage.Bucket("configs").Name, "storage.buckets[configs].name");
        Known("DYNAMODB_TABLE_NAME", config.Storage.Table("config-versions").Name, "storage.tables[config-versions].name");
        Known("CORS_ORIGINS", string.Join(',', config.Api.CorsAllowedOrigins), "api.cors_allowed_origins");
        Known("COGNITO_REGION", env.Region, "environment.region");
        Deployed("COGNITO_USER_POOL_ID", facts.UserPoolId, "foundation", StackOutputs.UserPoolId);
        Deployed("COGNITO_CLIENT_ID", facts.UserPoolClientId, "foundation", StackOutputs.UserPoolClientId);

        switch (service.Name)
        {
            case "backend":
                Known("EXECUTOR_MODE", "ecs", "compute.cluster_name");
                Known("ECS_CLUSTER", config.Compute.ClusterName, "compute.cluster_name");
                WithAccount("SQS_QUEUE_URL", a => $"https://sqs.{env.Region}.{UrlSuffix(env.Region)}/{a}/{config.Compute.BacktestQueueName}", "compute.backtest_queue_name");
                WithAccount("STEPFUNCTIONS_STATE_MACHINE_ARN", a => $"arn:{Partition(env.Region)}:states:{env.Region}:{a}:stateMachine:{config.Compute.BacktestStateMachineName}", "compute.backtest_state_machine_name");
                Known("DATA_COLLECTION_URL", Url("data-collection"), "network.service_discovery_namespace");
                Known("STRATEGY_SERVICE_URL", Url("strategy-service"), "network.service_discovery_namespace");
                Known("MLFLOW_TRACKING_URI", Url("mlflow"), "network.service_discovery_namespace");
                Known("RESULTS_BUCKET", config.Storage.Bucket("results").Name, "storage.buckets[results].name");
                Known("JOBS_TABLE_NAME", config.Storage.Table("backtest-jobs").Name, "storage.tables[backtest-jobs].name");
                Known("WS_SECRET_NAME", config.Auth.WsSecret.SecretName, "auth.ws_secret.secret_name");
                break;
            case "strategy-service":
                Known("MLFLOW_TRACKING_URI", Url("mlflow"), "network.service_discovery_namespace");
                Known("RESULTS_BUCKET", config.Storage.Bucket("results").Name, "storage.buckets[results].name");
                Known("DATA_BUCKET", config.Storage.Bucket("data").Name, "storage.buckets[data].name");
                break;
            case "data-collection":
                Known("DATA_BUCKET", config.Storage.Bucket("data").Name, "storage.buckets[data].name");
                break;
            case "mlflow":
                Known("ARTIFACT_ROOT", $"s3://{config.Storage.Bucket("mlflow-artifacts").Name}/", "storage.buckets[mlflow-artifacts].name");
                Known("DB_SECRET_NAME", config.Storage.Rds.CredentialsSecretName, "storage.rds.credentials_secret_name");
                Known("DB_NAME", config.Storage.Rds.DatabaseName, "storage.rds.database_name");
                break;
            default:
                Known("MLFLOW_TRACKING_URI", Url("mlflow"), "network.service_discovery_namespace");
                Known("STATE_TABLE_NAME", config.Storage.Table("trading-state").Name, "storage.tables[trading-state].name");
                Known("WS_SECRET_NAME", config.Auth.WsSecret.SecretName, "auth.ws_secret.secret_name");
                break;
        }

        return new ServiceEnvFile(config, service, entries);
    }

    /// <summary>The ARN partition of a region.</summary>
    public static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    private static string UrlSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
}
