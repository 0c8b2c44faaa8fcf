using System.CommandLine;
using Microsoft.Extensions.Logging;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Registry;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Local.Secrets;
using TradAI.Config.MLflow.Registry;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Infra.Resolution;

namespace TradAI.Cli.Commands;

/// <summary>
/// The <c>--backend local|aws</c> choice and the AWS/MLflow options that go with it, plus factories that turn a parse
/// result into a config store, a secret store or a model registry. Explicit options win over the environment
/// (<c>TRADAI_BACKEND</c>, <c>TRADAI_S3_BUCKET</c>, <c>TRADAI_S3_PREFIX</c>, <c>AWS_REGION</c>, <c>AWS_PROFILE</c>,
/// <c>AWS_ENDPOINT_URL[_S3|_SECRETS_MANAGER]</c>, <c>MLFLOW_TRACKING_*</c>). With neither, the bucket and the versions
/// table are the ones the stacks deploy for <c>TRADAI_ENV</c> (default dev), resolved as <c>tradai infra show</c> does.
/// </summary>
internal static class BackendOptions
{
    public static readonly Option<string?> Backend = new Option<string?>("--backend")
    {
        Description = "Where configs and secrets live: local (folder, env, .env, JSON files) or aws (S3, Secrets Manager); default $TRADAI_BACKEND, else local",
        Recursive = true,
    }.CheckOneOf("local", "aws");

    public static readonly Option<string?> Region = new Option<string?>("--region") { Description = "AWS region (default: AWS_REGION, the profile, us-east-1)", Recursive = true }.CheckRegion();

    public static readonly Option<string?> EndpointUrl = new Option<string?>("--endpoint-url") { Description = "AWS endpoint override (emulators, VPC endpoints)", Recursive = true }.CheckHttpUrl();

    public static readonly Option<string?> Profile = new("--profile") { Description = "AWS named profile", Recursive = true };

    /// <summary>Variable naming the environment whose deployed bucket and table the AWS backend uses by default.</summary>
    public const string EnvironmentVariable = "TRADAI_ENV";

    public static readonly Option<string?> Bucket = new("--bucket") { Description = "S3 bucket of the config store (default: TRADAI_S3_BUCKET, else the stacks' config bucket of $TRADAI_ENV, tradai-configs-dev by default)", Recursive = true };

    public static readonly Option<string?> Prefix = new("--prefix") { Description = "S3 key prefix of the config store (default: TRADAI_S3_PREFIX)", Recursive = true };

    /// <summary>Every option above, for the groups that read the config store (which may be S3).</summary>
    public static IEnumerable<Option> All => [.. Connection, Bucket, Prefix];

    /// <summary>The backend choice and how to reach AWS, for groups that never touch the config store (secrets).</summary>
    public static IEnumerable<Option> Connection => [Backend, Region, EndpointUrl, Profile];

    /// <summary>True for <c>aws</c>, false for <c>local</c>; anything else is a usage error.</summary>
    public static bool IsAws(CliContext context)
    {
        var value = context.Parse.GetValue(Backend) ?? context.GetNonEmptyVariable("TRADAI_BACKEND") ?? "local";
        return value.ToLowerInvariant() switch
        {
            "aws" => true,
            "local" => false,
            _ => throw new UsageException($"--backend must be 'local' or 'aws', not '{Config.Core.Errors.InputSanitizer.Sanitize(value)}'"),
        };
    }

    /// <summary>AWS client options: the environment for <paramref name="service"/>, overlaid with --region/--endpoint-url/--profile.</summary>
    public static AwsClientOptions Aws(CliContext context, string service) =>
        AwsClientOptions.FromEnvironment(service).OverlayWith(new AwsClientOptions
        {
            Region = context.Parse.GetValue(Region),
            EndpointUrl = context.Parse.GetValue(EndpointUrl),
            Profile = context.Parse.GetValue(Profile),
        });

    /// <summary>The S3 config store for <c>--backend aws</c>: --bucket, else TRADAI_S3_BUCKET, else the deployed config bucket.</summary>
    public static S3ConfigRepository CreateS3ConfigRepository(CliContext context)
    {
        var bucket = context.Parse.GetValue(Bucket)
            ?? context.GetNonEmptyVariable("TRADAI_S3_BUCKET")
            ?? Deployed(context).Config.Storage.Bucket(ResourceKeys.Buckets.Configs).Name;
        return S3ConfigRepository.Create(Aws(context, "s3"), S3ConfigRepositoryOptions.FromEnvironment(bucket, context.Parse.GetValue(Prefix)));
    }

    /// <summary>
    /// The environment <c>TRADAI_ENV</c> names (default dev), resolved from this checkout the way the stacks are
    /// (cdk.json, infra/.env, PROJECT_NAME): the AWS backend's default bucket and table are the deployed ones.
    /// </summary>
    /// <exception cref="Config.Core.Errors.ConfigValidationException">TRADAI_ENV is not dev, staging or prod.</exception>
    public static InfraWorkspaceResolution Deployed(CliContext context) =>
        InfraWorkspace.Resolve(
            context.GetNonEmptyVariable(EnvironmentVariable) ?? DeploymentEnvironment.Dev.ToName(),
            EnvironmentVariable,
            assignments: null,
            Directory.GetCurrentDirectory());

    /// <summary>The config store in force: S3 with <c>--backend aws</c>, else the local folder of <paramref name="localFactory"/>.</summary>
    public static IConfigRepository CreateConfigRepository(CliContext context, Func<CliContext, IConfigRepository> localFactory) =>
        IsAws(context) ? CreateS3ConfigRepository(context) : localFactory(context);

    /// <summary>The secret store in force: Secrets Manager with <c>--backend aws</c>, else env / .env / JSON folder.</summary>
    public static ISecretStore CreateSecretStore(CliContext context, string? secretsDirectory = null, string? envFile = null) =>
        IsAws(context)
            ? new AwsSecretStore(Aws(context, "secrets_manager"))
            : new LocalSecretStore(LocalSecretStoreOptions.FromEnvironment(secretsDirectory, envFile));

    /// <summary>The MLflow registry from <c>MLFLOW_TRACKING_*</c>; null when <c>MLFLOW_TRACKING_URI</c> is unset.</summary>
    public static IStrategyRegistry? CreateStrategyRegistry() => MlflowStrategyRegistry.FromEnvironment();

    /// <summary>
    /// A strategy loader over the store in force and, when <c>MLFLOW_TRACKING_URI</c> is set, the MLflow registry
    /// (for <c>strategy load --from-mlflow [--stage S] [--fallback]</c>: <c>LoadFromMlflowAsync</c> / <c>LoadWithFallbackAsync</c>).
    /// Fallback warnings go to stderr through <paramref name="logger"/>.
    /// </summary>
    public static StrategyConfigLoader CreateStrategyLoader(CliContext context, Func<CliContext, IConfigRepository> localFactory, ILogger<StrategyConfigLoader>? logger = null) =>
        new(CreateConfigRepository(context, localFactory), CreateStrategyRegistry(), logger);
}
