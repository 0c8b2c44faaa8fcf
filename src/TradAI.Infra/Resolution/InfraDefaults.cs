using TradAI.Infra.Context;
using TradAI.Infra.Environments;
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
        var zones = "abc"[..zoneCount].Select(letter => environment.Region + letter).ToArray();
        return new NetworkConfig(
            VpcName: Name("vpc"),
            VpcCidr: $"10.{secondOctet}.0.0/16",
            AvailabilityZones: zones,
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

    public IReadOnlyList<ServiceConfig> Services(bool consolidated)
    {
        ServiceConfig Service(string name, int cpu, int memory, int port, int count, string health, string prefix, CapacityKind capacity = CapacityKind.OnDemand, string? repository = null) =>
            new(name, Name(name), repository ?? name, cpu, memory, port, count, health, prefix, capacity);

        // §8: trading services do not run outside prod; in prod live trading stays on-demand for reliability and
        // dry-run trading uses Fargate Spot (only possible when not consolidated on EC2).
        var tradingCount = Prod ? 1 : 0;
        return
        [
            Service("backend", 512, 1024, 8000, Prod ? 2 : 1, "/api/v1/health", "BACKEND_"),
            Service("strategy-service", 512, 1024, 8003, Prod ? 2 : 1, "/health", "STRATEGY_"),
            Service("data-collection", 256, 512, 8002, 1, "/health", "DATA_COLLECTION_"),
            Service("mlflow", 512, 1024, 5000, 1, "/health", "MLFLOW_"),
            Service("live-trading", 1024, 2048, 8080, tradingCount, "/health", "LIVE_TRADING_", repository: "trading"),
            Service("dry-run-trading", 1024, 2048, 8081, tradingCount, "/health", "DRY_RUN_TRADING_",
                Prod && !consolidated ? CapacityKind.Spot : CapacityKind.OnDemand, repository: "trading"),
        ];
    }

    public StorageConfig Storage()
    {
        BucketConfig Bucket(string key, bool versioned, params LifecycleRuleConfig[] rules) => new(key, Name(key), versioned, rules);
        return new StorageConfig(
            Buckets:
            [
                Bucket("configs", versioned: true),
                Bucket("results", versioned: false, new LifecycleRuleConfig("results-to-glacier", TransitionToGlacierAfterDays: 30, ExpireAfterDays: null)),
                Bucket("logs", versioned: false, new LifecycleRuleConfig("logs-expire", TransitionToGlacierAfterDays: null, ExpireAfterDays: 90)),
                Bucket("data", versioned: false),
                Bucket("mlflow-artifacts", versioned: true),
            ],
            Tables:
            [
                // Exactly the schema ConfigVersionService's DynamoDB repository reads and writes (SPEC §7.2).
                new TableConfig(
                    "config-versions",
                    Name("config-versions"),
                    new KeyAttribute("strategy_name", KeyAttributeType.String),
                    new KeyAttribute("config_id", KeyAttributeType.String),
                    [
                        new IndexConfig("status-index", new KeyAttribute("strategy_name", KeyAttributeType.String), new KeyAttribute("status", KeyAttributeType.String)),
                        new IndexConfig("config_hash-index", new KeyAttribute("config_hash", KeyAttributeType.String), null),
                    ],
                    TtlAttribute: "ttl",
                    PointInTimeRecovery: Prod),
                new TableConfig(
                    "backtest-jobs",
                    Name("backtest-jobs"),
                    new KeyAttribute("job_id", KeyAttributeType.String),
                    null,
                    [new IndexConfig("strategy-index", new KeyAttribute("strategy_name", KeyAttributeType.String), new KeyAttribute("created_at", KeyAttributeType.String))],
                    TtlAttribute: "ttl",
                    PointInTimeRecovery: Prod),
                new TableConfig(
                    "trading-state",
                    Name("trading-state"),
                    new KeyAttribute("strategy_name", KeyAttributeType.String),
                    new KeyAttribute("mode", KeyAttributeType.String),
                    [],
                    TtlAttribute: null,
                    PointInTimeRecovery: Prod),
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
                CredentialsSecretName: Name("rds-credentials"),
                PasswordRotationDays: 30,
                DeletionProtection: Prod),
            RetainOnDelete: Prod);
    }

    public ComputeConfig Compute(bool consolidated, string? customAmi) => new(
        ClusterName: Name("cluster"),
        ConsolidatedMode: consolidated,
        // m5.large supports ENI trunking, so every awsvpc task of the consolidated host gets its own ENI.
        Ec2: new Ec2ConsolidatedConfig("m5.large", MinCapacity: 1, MaxCapacity: 1, RootVolumeGb: 50, CustomAmiId: customAmi),
        LogRetentionDays: Prod ? 90 : 30,
        ContainerInsights: Prod,
        BacktestQueueName: Name("backtest-jobs"),
        BacktestDeadLetterQueueName: Name("backtest-jobs-dlq"),
        BacktestStateMachineName: Name("backtest-workflow"),
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
            new AlbPathPatternConfig("backend", 10, ["/api/*"]),
            new AlbPathPatternConfig("strategy-service", 20, ["/strategies/*"]),
            new AlbPathPatternConfig("data-collection", 30, ["/data/*"]),
            new AlbPathPatternConfig("mlflow", 40, ["/mlflow/*"]),
        ],
        // §8: dev allows every origin; staging and prod none unless overridden.
        CorsAllowedOrigins: corsOverride ?? (environment.Name == DeploymentEnvironment.Dev ? ["*"] : []));

    public AuthConfig Auth() => new(
        new CognitoConfig(
            UserPoolName: Name("users"),
            ClientName: Name("web-client"),
            new PasswordPolicyConfig(MinLength: 12, RequireLowercase: true, RequireUppercase: true, RequireDigits: true, RequireSymbols: true, TemporaryPasswordValidityDays: 3),
            MfaRequired: true,
            MfaTotp: true,
            MfaSms: false),
        new WsSecretConfig(Name("ws-secret-key"), AutoGenerate: environment.Name == DeploymentEnvironment.Dev));

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
