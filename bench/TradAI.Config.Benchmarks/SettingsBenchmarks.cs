using BenchmarkDotNet.Attributes;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Config.Benchmarks;

/// <summary>
/// Building <see cref="BackendSettings"/> from a typical container environment (~40 unrelated variables plus the
/// service's own), no env files, no S3_CONFIG. Target: at most 20 µs per build.
/// </summary>
[MemoryDiagnoser]
public class SettingsBenchmarks
{
    private SettingsLoadOptions _dev = null!;
    private SettingsLoadOptions _prod = null!;

    [GlobalSetup]
    public void Setup()
    {
        var noise = new Dictionary<string, string>();
        for (var i = 0; i < 30; i++)
        {
            noise[$"SOME_UNRELATED_VARIABLE_{i}"] = new string('v', 20 + i);
        }

        foreach (var (k, v) in new[]
        {
            ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("HOME", "/root"), ("HOSTNAME", "ip-10-0-1-23"),
            ("LANG", "C.UTF-8"), ("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/abc"), ("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE"),
            ("AWS_REGION", "eu-central-1"), ("AWS_DEFAULT_REGION", "eu-central-1"), ("MLFLOW_TRACKING_URI", "https://mlflow.internal.tradai.io"),
            ("MLFLOW_SECRET_NAME", "tradai/prod/mlflow"), ("COGNITO_USER_POOL_ID", "eu-central-1_AbCdEf123"), ("COGNITO_CLIENT_ID", "4abc5def6ghi7jkl"),
        })
        {
            noise[k] = v;
        }

        var dev = new Dictionary<string, string>(noise)
        {
            ["BACKEND_PORT"] = "8000",
            ["BACKEND_LOG_LEVEL"] = "info",
            ["BACKEND_DATA_COLLECTION_URL"] = "http://data-collection:8002",
            ["BACKEND_STRATEGY_SERVICE_URL"] = "http://strategy-service:8003",
            ["BACKEND_CORS_ORIGINS"] = "http://localhost:3000,http://localhost:5173",
        };
        var prod = new Dictionary<string, string>(dev)
        {
            ["BACKEND_ENVIRONMENT"] = "prod",
            ["BACKEND_EXECUTOR_MODE"] = "stepfunctions",
            ["BACKEND_STEPFUNCTIONS_STATE_MACHINE_ARN"] = "arn:aws:states:eu-central-1:123456789012:stateMachine:tradai-backtest-prod",
            ["BACKEND_SQS_QUEUE_URL"] = "https://sqs.eu-central-1.amazonaws.com/123456789012/tradai-backtests-prod",
            ["BACKEND_WEBSOCKET_SECRET_KEY"] = "0123456789abcdef0123456789abcdef0123456789",
            ["BACKEND_CORS_ORIGINS"] = "[\"https://app.tradai.io\"]",
            ["AUTH_ENABLED"] = "true",
        };
        _dev = new SettingsLoadOptions { Environment = dev, EnvFiles = [] };
        _prod = new SettingsLoadOptions { Environment = prod, EnvFiles = [] };
    }

    /// <summary>Dev: defaults for most fields, the WebSocket key generated.</summary>
    [Benchmark(Baseline = true)]
    public BackendSettings BuildBackendSettingsDev() => SettingsLoader.Load<BackendSettings>(_dev);

    /// <summary>Prod: every safety rule exercised, ARN/SQS/list validation, Cognito enabled.</summary>
    [Benchmark]
    public BackendSettings BuildBackendSettingsProd() => SettingsLoader.Load<BackendSettings>(_prod);
}
