using TradAI.Config.Core.Tree;

namespace TradAI.Config.Testing.Versioning;

/// <summary>Valid strategy configs for version tests (versions must pass the strategy schema to be created).</summary>
public static class StrategyContent
{
    /// <summary>A valid config; the extra entries make contents differ.</summary>
    public static ConfigMapping Valid(params (object Key, object? Value)[] extra)
    {
        var config = ConfigMapping.Of(
            ("name", "momentum"),
            ("version", "1.0.0"),
            ("timeframe", "5m"),
            ("exchange", "binance"),
            ("stake_currency", "USDT"),
            ("pairs", ConfigSequence.Of("BTC/USDT", "ETH/USDT")));
        foreach (var (key, value) in extra)
        {
            config = config.With(key, value);
        }

        return config;
    }
}
