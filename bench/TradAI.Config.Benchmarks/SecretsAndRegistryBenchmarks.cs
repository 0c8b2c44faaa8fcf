using System.Text;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Tree;
using TradAI.Config.MLflow.Tags;

namespace TradAI.Config.Benchmarks;

/// <summary>
/// The per-request costs of the secrets and registry paths: signing one Secrets Manager call (SigV4 on AWSSDK.Core),
/// a cached secret read (what services pay per request with <see cref="CachingSecretStore"/>), and turning a model
/// version's tags into config overrides.
/// </summary>
[MemoryDiagnoser]
public class SecretsAndRegistryBenchmarks
{
    private static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly Uri Endpoint = new("https://secretsmanager.eu-west-1.amazonaws.com/");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"SecretId":"tradai/prod/db"}""");
    private static readonly KeyValuePair<string, string>[] Headers =
        [new("Content-Type", "application/x-amz-json-1.1"), new("X-Amz-Target", "secretsmanager.GetSecretValue")];

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["config_name"] = "momentum-btc",
        ["timeframe"] = "15m",
        ["pairs"] = "BTC/USDT,ETH/USDT,SOL/USDT",
        ["max_open_trades"] = "4",
        ["dry_run"] = "false",
        ["train_period_days"] = "30",
        ["mlflow.source.git.commit"] = "0123456789abcdef",
    };

    private CachingSecretStore _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cache = new CachingSecretStore(new FixedSecretStore(), TimeSpan.FromHours(1));
        _cache.GetSecretAsync("tradai/prod/db").GetAwaiter().GetResult();
    }

    [Benchmark(Description = "SigV4-sign a GetSecretValue request")]
    public IReadOnlyList<KeyValuePair<string, string>> SignRequest() =>
        SigV4Signer.Sign("POST", Endpoint, Headers, Body, Credentials, "eu-west-1", "secretsmanager", DateTime.UtcNow);

    [Benchmark(Description = "cached secret read")]
    public Task<SecretData> CachedRead() => _cache.GetSecretAsync("tradai/prod/db");

    [Benchmark(Description = "extract overrides from 7 MLflow tags")]
    public ConfigMapping ExtractTags() => MlflowTagExtractors.Extract(Tags);

    /// <summary>The store behind the cache; only the first read reaches it.</summary>
    private sealed class FixedSecretStore : ISecretStore
    {
        public Task<SecretData> GetSecretAsync(string name, CancellationToken cancellationToken = default) =>
            Task.FromResult(SecretErrors.ParseObject("bench", name, """{"username":"svc","password":"x","port":5432}"""));

        public Task<SecretRotationStatus> GetRotationStatusAsync(string name, CancellationToken cancellationToken = default) =>
            Task.FromResult(SecretRotationStatus.NotRotated(name));
    }
}
