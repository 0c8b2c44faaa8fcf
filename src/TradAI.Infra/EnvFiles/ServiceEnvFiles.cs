using System.Globalization;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Profiles;
using TradAI.Infra.Model;

namespace TradAI.Infra.EnvFiles;

/// <summary>
/// Evaluates a service's profile (<see cref="ServiceProfiles"/>) against the resolved infrastructure config: which
/// value each of its variables gets, and which secret each secret variable is read from. The CDK app uses the same
/// derivation for the containers, passing the account token and deployed ids as <see cref="DeploymentFacts"/>.
/// </summary>
public static class ServiceEnvFiles
{
    /// <summary>The env file of <paramref name="serviceName"/> (case-insensitive).</summary>
    /// <exception cref="ConfigValidationException">No such service.</exception>
    public static ServiceEnvFile Build(InfraConfig config, string serviceName, DeploymentFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        facts ??= DeploymentFacts.None;
        var profile = ServiceProfiles.Find(serviceName);
        var service = profile is null ? null : config.Services.FirstOrDefault(s => s.Name == profile.Name);
        if (profile is null || service is null)
        {
            throw new ConfigValidationException("--service",
                $"'{InputSanitizer.Sanitize(serviceName)}' is not a service; known services: {string.Join(", ", config.Services.Select(s => s.Name))}");
        }

        var entries = profile.Environment.Select(e => Evaluate(config, service, profile.Variable(e.Variable), e, facts)).ToList();
        var secrets = profile.Secrets.Select(s => new EnvFileSecret(profile.Variable(s.Variable), s.Secret, SecretName(config, s.Secret), s.JsonField)).ToList();
        return new ServiceEnvFile(config, service, entries, secrets);
    }

    /// <summary>The Secrets Manager name of a secret in this environment.</summary>
    public static string SecretName(InfraConfig config, SecretKind secret) => secret switch
    {
        SecretKind.WebSocketKey => config.Auth.WsSecret.SecretName,
        SecretKind.DatabaseCredentials => config.Storage.Rds.CredentialsSecretName,
        _ => throw new ArgumentOutOfRangeException(nameof(secret), secret, "unknown secret"),
    };

    /// <summary>The ARN partition of a region.</summary>
    public static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    private static EnvFileEntry Evaluate(InfraConfig config, ServiceConfig service, string name, EnvEntry entry, DeploymentFacts facts)
    {
        var env = config.Environment;
        var target = entry.Target ?? string.Empty;
        EnvFileEntry Known(string value, string origin) => new(name, value, EnvValueAvailability.Known, origin);
        EnvFileEntry WithAccount(Func<string, string> value, string origin) => facts.Account is null
            ? new EnvFileEntry(name, null, EnvValueAvailability.NeedsAccount, value("{account}"))
            : new EnvFileEntry(name, value(facts.Account), EnvValueAvailability.NeedsAccount, origin);
        EnvFileEntry Deployed(string? value, string stack, string output) =>
            new(name, value, EnvValueAvailability.AfterDeployment, $"output {output} of stack {env.StackName(stack)}");

        return entry.Value switch
        {
            EnvValueKind.ServiceName => Known(service.Name, "services[].name"),
            EnvValueKind.Environment => Known(env.Name.ToName(), "environment.name"),
            EnvValueKind.Port => Known(service.Port.ToString(CultureInfo.InvariantCulture), $"services[{service.Name}].port"),
            EnvValueKind.Region => Known(env.Region, "environment.region"),
            // "No origins" is written as [] because a blank value counts as unset, and unset means "*" in dev.
            EnvValueKind.CorsOrigins => Known(config.Api.CorsAllowedOrigins.Count == 0 ? "[]" : string.Join(',', config.Api.CorsAllowedOrigins), "api.cors_allowed_origins"),
            EnvValueKind.BucketName => Known(config.Storage.Bucket(target).Name, $"storage.buckets[{target}].name"),
            EnvValueKind.BucketUri => Known($"s3://{config.Storage.Bucket(target).Name}/", $"storage.buckets[{target}].name"),
            EnvValueKind.TableName => Known(config.Storage.Table(target).Name, $"storage.tables[{target}].name"),
            EnvValueKind.ServiceUrl => Known(Url(config, target), "network.service_discovery_namespace"),
            EnvValueKind.Cluster => Known(config.Compute.ClusterName, "compute.cluster_name"),
            EnvValueKind.DatabaseName => Known(config.Storage.Rds.DatabaseName, "storage.rds.database_name"),
            EnvValueKind.Literal => Known(target, $"service profile of {service.Name}"),
            EnvValueKind.BacktestQueueUrl => WithAccount(
                a => $"https://sqs.{env.Region}.{UrlSuffix(env.Region)}/{a}/{config.Compute.BacktestQueueName}", "compute.backtest_queue_name"),
            EnvValueKind.BacktestStateMachineArn => WithAccount(
                a => $"arn:{Partition(env.Region)}:states:{env.Region}:{a}:stateMachine:{config.Compute.BacktestStateMachineName}", "compute.backtest_state_machine_name"),
            EnvValueKind.UserPoolId => Deployed(facts.UserPoolId, "foundation", StackOutputs.UserPoolId),
            EnvValueKind.UserPoolClientId => Deployed(facts.UserPoolClientId, "foundation", StackOutputs.UserPoolClientId),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Value, "unknown value kind"),
        };
    }

    private static string Url(InfraConfig config, string target)
    {
        var s = config.Service(target);
        return $"http://{s.Name}.{config.Network.ServiceDiscoveryNamespace}:{s.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string UrlSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
}
