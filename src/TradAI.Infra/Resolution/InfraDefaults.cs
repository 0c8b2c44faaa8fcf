using TradAI.Config.Core.Collections;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Deployment.Tables;
using TradAI.Infra.Context;
using TradAI.Infra.Model;

namespace TradAI.Infra.Resolution;

/// <summary>
/// The per-environment values of SPEC §3 and §8, in one place. Each section is built here once; nothing else in the
/// solution spells a resource name or an environment-dependent number.
/// </summary>
internal sealed class InfraDefaults(EnvironmentConfig environment)
{
    private bool Prod => environment.Name == DeploymentEnvironment.Prod;

    private string Name(string name) => environment.ResourceName(name);

    public NetworkConfig Network()
    {
        var secondOctet = environment.Name switch
        {
            DeploymentEnvironment.Dev => 0,
            DeploymentEnvironment.Staging => 1,
            _ => 2,
        };
        var zoneCount = Prod ? 3 : 2;
        return new NetworkConfig(
            VpcName: Name("vpc"),
            VpcCidr: $"10.{secondOctet}.0.0/16",
            AvailabilityZoneCount: zoneCount,
            Subnets:
            [
                new SubnetConfig("public", SubnetTier.Public, 24),
                new SubnetConfig("private", SubnetTier.Private, 22),
                new SubnetConfig("database", SubnetTier.Database, 24),
            ],
            NatInstanceType: Prod ? "t4g.small" : "t4g.nano",
            NatInstances: Prod ? zoneCount : 1,
            ServiceDiscoveryNamespace: $"{environment.ProjectName}-{environment.Name.ToName()}.local");
    }

    public ValueList<ServiceConfig> Services(bool consolidated)
    {
        // Name, prefix, port, health path and image come from the service profiles; sizing is per environment here.
        ServiceConfig Service(ServiceProfile profile, int cpu, int memory, int count, CapacityKind capacity = CapacityKind.OnDemand) =>
            new(profile.Name, Name(profile.Name), profile.Repository, cpu, memory, profile.Port, count, profile.HealthCheckPath, profile.EnvPrefix, capacity);

        // §8: trading services do not run outside prod; in prod live trading stays on-demand for reliability and
        // dry-run trading uses Fargate Spot (only possible when not consolidated on EC2).
        var tradingCount = Prod ? 1 : 0;
        return
        [
            Service(ServiceProfiles.Backend, 512, 1024, Prod ? 2 : 1),
            Service(ServiceProfiles.StrategyService, 512, 1024, Prod ? 2 : 1),
            Service(ServiceProfiles.DataCollection, 256, 512, 1),
            Service(ServiceProfiles.Mlflow, 512, 1024, 1),
            Service(ServiceProfiles.LiveTrading, 1024, 2048, tradingCount),
            Service(ServiceProfiles.DryRunTrading, 1024, 2048, tradingCount, Prod && !consolidated ? CapacityKind.Spot : CapacityKind.OnDemand),
        ];
    }

    public StorageConfig Storage()
    {
        BucketConfig Bucket(string key, bool versioned, params LifecycleRuleConfig[] rules) => new(key, Name(key), versioned, [.. rules]);
        TableConfig Table(string key, TableSchema schema) => new(key, Name(key), schema, PointInTimeRecovery: Prod);
        KeyAttribute Text(string name) => new(name, KeyAttributeType.String);
        return new StorageConfig(
            Buckets:
            [
                Bucket(ResourceKeys.Buckets.Configs, versioned: true),
                Bucket(ResourceKeys.Buckets.Results, versioned: false, new LifecycleRuleConfig("results-to-glacier", TransitionToGlacierAfterDays: 30, ExpireAfterDays: null)),
                Bucket(ResourceKeys.Buckets.Logs, versioned: false, new LifecycleRuleConfig("logs-expire", TransitionToGlacierAfterDays: null, ExpireAfterDays: 90)),
                Bucket(ResourceKeys.Buckets.Data, versioned: false),
                Bucket(ResourceKeys.Buckets.MlflowArtifacts, versioned: true),
            ],
            Tables:
            [
                // Exactly the schema the DynamoDB version store creates and reads (one home: VersionsTable).
                Table(VersionsTable.Key, VersionsTable.Schema),
                Table(ResourceKeys.Tables.BacktestJobs, new TableSchema(
                    Text("job_id"), null, [new GlobalIndexSchema("strategy-index", Text("strategy_name"), Text("created_at"))], [], TtlAttribute: "ttl")),
                Table(ResourceKeys.Tables.TradingState, new TableSchema(Text("strategy_name"), Text("mode"), [], [], TtlAttribute: null)),
            ],
            Rds: new RdsConfig(
                Identifier: Name("postgres"),
                Engine: "postgres",
                EngineVersion: "15.13",
                InstanceClass: Prod ? "db.t4g.small" : "db.t4g.micro",
                AllocatedStorageGb: Prod ? 50 : 20,
                MultiAz: Prod,
                BackupRetentionDays: Prod ? 14 : 7,
                DatabaseName: environment.ProjectName.Replace('-', '_'),
                MasterUsername: environment.ProjectName.Replace('-', '_') + "_admin",
                CredentialsSecretName: Name(ResourceKeys.Secrets.DatabaseCredentials),
                PasswordRotationDays: 30,
                DeletionProtection: Prod),
            RetainOnDelete: Prod);
    }

    public ComputeConfig Compute(bool consolidated, string? customAmi) => new(
        ClusterName: Name(ResourceKeys.Cluster),
        ConsolidatedMode: consolidated,
        // m5.large supports ENI trunking, so every awsvpc task of the consolidated host gets its own ENI.
        Ec2: new Ec2ConsolidatedConfig("m5.large", MinCapacity: 1, MaxCapacity: 1, RootVolumeGb: 50, CustomAmiId: customAmi),
        LogRetentionDays: Prod ? 90 : 30,
        ContainerInsights: Prod,
        BacktestQueueName: Name(ResourceKeys.BacktestQueue),
        BacktestDeadLetterQueueName: Name(ResourceKeys.BacktestQueue + "-dlq"),
        BacktestStateMachineName: Name(ResourceKeys.BacktestStateMachine),
        BacktestTaskFamily: Name("backtest-runner"),
        BacktestRepository: "backtest-runner");

    /// <summary>Repositories for the services' images, the backtest runner, the scheduled Lambdas and the registered strategies.</summary>
    public EcrConfig Ecr(IEnumerable<ServiceConfig> services, ComputeConfig compute, SchedulesConfig schedules, IReadOnlyList<string> strategyRepos)
    {
        EcrRepositoryConfig Repo(string key, string name, int keep) => new(key, Name(name), keep, ScanOnPush: true);
        var serviceRepos = services.Select(s => s.Repository).Append(compute.BacktestRepository).Distinct(StringComparer.Ordinal);
        return new EcrConfig(
            ServiceRepositories: [.. serviceRepos.Select(s => Repo(s, s, Prod ? 30 : 10))],
            LambdaRepositories: [.. schedules.Lambdas.Select(l => Repo(l.Key, "lambda-" + l.Key, 10))],
            StrategyRepositories: [.. strategyRepos.Select(s => Repo(s, "strategy-" + s, Prod ? 30 : 10))]);
    }

    public ApiConfig Api(bool albEnabled, IReadOnlyList<string>? corsOverride) => new(
        ApiName: Name("api"),
        AlbEnabled: albEnabled,
        AlbName: Name("alb"),
        Routes:
        [
            new ApiRouteConfig("ANY", "/api/v1/{proxy+}", "default", Authorized: true),
            new ApiRouteConfig("ANY", "/api/v1/backtests/{proxy+}", "backtests", Authorized: true),
            new ApiRouteConfig("GET", "/api/v1/health", "default", Authorized: false),
        ],
        Throttles: [new ThrottleConfig("default", 100, 200), new ThrottleConfig("backtests", 10, 20)],
        AlbPathPatterns:
        [
            new AlbPathPatternConfig(ServiceProfiles.BackendName, 10, ["/api/*"]),
            new AlbPathPatternConfig(ServiceProfiles.StrategyServiceName, 20, ["/strategies/*"]),
            new AlbPathPatternConfig(ServiceProfiles.DataCollectionName, 30, ["/data/*"]),
            new AlbPathPatternConfig(ServiceProfiles.MlflowName, 40, ["/mlflow/*"]),
        ],
        // §8: dev allows every origin; staging and prod none unless overridden.
        CorsAllowedOrigins: corsOverride?.ToValueList() ?? (environment.Name == DeploymentEnvironment.Dev ? ["*"] : []));

    public AuthConfig Auth() => new(
        new CognitoConfig(
            UserPoolName: Name("users"),
            ClientName: Name("web-client"),
            new PasswordPolicyConfig(MinLength: 12, RequireLowercase: true, RequireUppercase: true, RequireDigits: true, RequireSymbols: true, TemporaryPasswordValidityDays: 3),
            MfaRequired: true,
            MfaTotp: true,
            MfaSms: false),
        new WsSecretConfig(Name(ResourceKeys.Secrets.WebSocketKey), AutoGenerate: environment.Name == DeploymentEnvironment.Dev));

    public SchedulesConfig Schedules(IReadOnlyDictionary<string, string?> overrides)
    {
        LambdaScheduleConfig Lambda(string key, string contextKey, string expression, int memory, int timeout) =>
            new(key, Name(key), Name(key + "-schedule"), overrides.GetValueOrDefault(contextKey) ?? expression, contextKey, memory, timeout);
        return new SchedulesConfig(
        [
            Lambda("drift-monitor", InfraContextKeys.DriftMonitorSchedule, "rate(6 hours)", 512, 300),
            Lambda("health-check", InfraContextKeys.HealthCheckSchedule, "rate(5 minutes)", 256, 60),
            Lambda("data-refresh", InfraContextKeys.DataRefreshSchedule, "cron(0 1 * * ? *)", 1024, 900),
            Lambda("cleanup", InfraContextKeys.CleanupSchedule, "cron(0 3 ? * SUN *)", 256, 300),
        ]);
    }
}
