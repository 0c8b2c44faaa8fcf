using System.Globalization;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// Strategy documents numbered by a generation: the number is written into several fields (version, timeframe,
/// parameters, an interpolated label), so a reader that ever saw parts of two versions would notice.
/// </summary>
internal static class StrategyContent
{
    public static ConfigMapping Valid(string name, int generation) => YamlConfigReader.ParseMapping($$"""
        name: {{name}}
        version: 1.0.{{generation}}
        timeframe: {{generation}}m
        exchange: binance
        stake_currency: USDT
        pairs: [BTC/USDT, ETH/USDT]
        parameters:
          generation: {{generation}}
          label: ${name}-${timeframe}
        buy_params:
          generation: {{generation}}
        """);

    /// <summary>Fails the schema (timeframe pattern, an empty pair list) but hashes like any content.</summary>
    public static ConfigMapping Invalid(string name) => YamlConfigReader.ParseMapping($"""
        name: {name}
        version: not-semver
        timeframe: every-minute
        exchange: binance
        stake_currency: USDT
        pairs: []
        """);

    /// <summary>The generation a served config came from; throws if its fields disagree (a mixed value).</summary>
    public static int GenerationOf(StrategyConfig config)
    {
        var generation = (long)config.Parameters["generation"]!;
        var consistent = config.Version == $"1.0.{generation}"
            && config.Timeframe == $"{generation}m"
            && (long)config.BuyParams["generation"]! == generation
            && (string)config.Parameters["label"]! == $"{config.Name}-{generation}m";
        return consistent
            ? (int)generation
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"mixed value: version {config.Version}, timeframe {config.Timeframe}, parameters {config.Parameters}, buy_params {config.BuyParams}"));
    }

    /// <summary>A version request straight to the store, skipping ConfigVersionService (and whatever it checks).</summary>
    public static NewConfigVersion Raw(string strategy, ConfigMapping content, bool activate = true)
    {
        var (hash, canonical) = ConfigHasher.HashWithCanonical(content);
        return new NewConfigVersion(strategy, CanonicalJsonReader.ReadMapping(canonical, "config"), hash, canonical, "behind-the-service", DateTimeOffset.UtcNow, activate);
    }
}
