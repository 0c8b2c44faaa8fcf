namespace TradAI.Infra.Context;

/// <summary>
/// The CDK context keys (SPEC §3.3, <c>pulumi config set KEY</c> becomes <c>cdk -c KEY=VALUE</c>) the resolver reads.
/// Everything else in the CDK context (feature flags, <c>aws:cdk:*</c>) is the CDK's own business and ignored.
/// </summary>
public static class InfraContextKeys
{
    public const string Environment = "environment";
    public const string ProjectName = "project_name";
    public const string Region = "region";
    public const string ConsolidatedMode = "consolidated_mode";
    public const string SkipAlb = "skip_alb";
    public const string CustomAmiId = "custom_ami_id";
    public const string DriftMonitorSchedule = "drift_monitor_schedule";
    public const string HealthCheckSchedule = "health_check_schedule";
    public const string DataRefreshSchedule = "data_refresh_schedule";
    public const string CleanupSchedule = "cleanup_schedule";
    public const string StrategyEcrRepos = "strategy_ecr_repos";
    public const string CorsAllowedOrigins = "cors_allowed_origins";

    /// <summary>Every key, with what it does (shown in errors about unknown keys and in help).</summary>
    public static IReadOnlyList<(string Key, string Description)> All { get; } =
    [
        (Environment, "dev, staging or prod"),
        (ProjectName, "resource-name prefix (default tradai; env var PROJECT_NAME)"),
        (Region, "AWS region (else env var AWS_REGION, else us-east-1)"),
        (ConsolidatedMode, "true: services on one EC2 host; false: ECS Fargate"),
        (SkipAlb, "true: no ALB; API Gateway reaches the backend through Cloud Map"),
        (CustomAmiId, "Packer-built AMI for the consolidated EC2 host (ami-...)"),
        (DriftMonitorSchedule, "EventBridge expression of the drift-monitor Lambda"),
        (HealthCheckSchedule, "EventBridge expression of the health-check Lambda"),
        (DataRefreshSchedule, "EventBridge expression of the data-refresh Lambda"),
        (CleanupSchedule, "EventBridge expression of the cleanup Lambda"),
        (StrategyEcrRepos, "list of strategy image repositories to create"),
        (CorsAllowedOrigins, "list of origins API Gateway allows (* or https://host)"),
    ];

    /// <summary>Whether <paramref name="key"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string key) => All.Any(k => k.Key == key);
}
