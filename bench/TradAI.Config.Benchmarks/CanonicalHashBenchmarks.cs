using System.Text;
using BenchmarkDotNet.Attributes;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Benchmarks;

/// <summary>
/// Content addressing cost: RFC 8785 canonicalization and SHA-256 of a ~3 KB strategy config, the work done once per
/// <c>version create</c>. Run: <c>dotnet run -c Release --project bench/TradAI.Config.Benchmarks -- --filter '*CanonicalHash*'</c>.
/// </summary>
[MemoryDiagnoser]
public class CanonicalHashBenchmarks
{
    private ConfigMapping _config = ConfigMapping.Empty;
    private byte[] _canonical = [];

    /// <summary>Size in bytes of the canonical JSON being hashed (printed once in the run's log).</summary>
    public int CanonicalBytes => _canonical.Length;

    [GlobalSetup]
    public void Setup()
    {
        var yaml = new StringBuilder("""
            strategy: MomentumBreakout
            version: 2.4.1
            timeframe: 5m
            stake_currency: USDT
            stake_amount: 250.5
            exchange:
              name: binance
              ccxt_config: {enableRateLimit: true, rateLimit: 50}
              pair_whitelist: [BTC/USDT, ETH/USDT, SOL/USDT, BNB/USDT, XRP/USDT, ADA/USDT, AVAX/USDT, DOT/USDT, LINK/USDT, MATIC/USDT]
            minimal_roi: {"0": 0.08, "30": 0.04, "60": 0.02, "120": 0.0}
            stoploss: -0.1
            trailing_stop: true
            trailing_stop_positive: 0.012
            buy_params: {rsi_low: 28, ema_fast: 12, ema_slow: 26, volume_factor: 1.75, adx_min: 22.5}
            sell_params: {rsi_high: 71, take_profit: 0.035, atr_mult: 2.25}
            freqai:
              enabled: true
              identifier: momentum-lgbm-v3
              train_period_days: 30
              backtest_period_days: 7
              live_retrain_hours: 6
              feature_parameters:
                include_timeframes: [5m, 15m, 1h, 4h]
                include_corr_pairlist: [BTC/USDT, ETH/USDT]
                label_period_candles: 24
                include_shifted_candles: 3
                DI_threshold: 0.9
                weight_factor: 0.9
                principal_component_analysis: false
                indicator_periods_candles: [10, 20, 50, 100, 200]
              data_split_parameters: {test_size: 0.25, random_state: 42, shuffle: false}
              model_training_parameters: {n_estimators: 800, learning_rate: 0.02, num_leaves: 64, max_depth: -1, subsample: 0.8, colsample_bytree: 0.7, reg_alpha: 0.001, reg_lambda: 1.0e-3}
            """);
        yaml.AppendLine().AppendLine("parameters:");
        for (var i = 0; i < 20; i++)
        {
            yaml.AppendLine($"  signal_{i:D2}: {{weight: {(i * 0.137) + 0.01:R}, lookback: {10 + i}, enabled: {(i % 3 != 0).ToString().ToLowerInvariant()}, label: \"sig-{i}-μ\"}}");
        }

        _config = YamlConfigReader.ParseMapping(yaml.ToString(), "bench.yaml");
        _canonical = JsonCanonicalizer.CanonicalizeToUtf8(_config);
        Console.WriteLine($"// canonical JSON: {_canonical.Length} bytes");
    }

    [Benchmark(Baseline = true, Description = "canonicalize (RFC 8785)")]
    public string Canonicalize() => JsonCanonicalizer.Canonicalize(_config);

    [Benchmark(Description = "canonicalize + SHA-256")]
    public string CanonicalizeAndHash() => ConfigHasher.Hash(_config);

    [Benchmark(Description = "SHA-256 of canonical bytes")]
    public string HashOnly() => ConfigHasher.HashCanonical(_canonical);
}
