using TradAI.Config.Core.Collections;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Strategies;

/// <summary>
/// A validated, immutable strategy configuration (SPEC §4.3). Built only by <see cref="StrategyConfigSchema.Bind"/>,
/// so an instance always satisfies the schema. <see cref="Document"/> keeps the whole merged config,
/// including keys the schema does not model. A value: two binds of the same config are equal (every property compares
/// by value — <see cref="ValueList{T}"/> for the pairs, <see cref="ConfigMapping"/>'s Python-dict equality for the maps).
/// </summary>
public sealed record StrategyConfig
{
    /// <summary>Strategy name (at least one character).</summary>
    public required string Name { get; init; }

    /// <summary>Strategy version, SemVer 2.0.0.</summary>
    public required string Version { get; init; }

    /// <summary>Candle timeframe such as <c>5m</c>, <c>1h</c>, <c>1d</c>.</summary>
    public required string Timeframe { get; init; }

    /// <summary>Traded pairs, e.g. <c>BTC/USDT</c>.</summary>
    public required ValueList<string> Pairs { get; init; }

    /// <summary>The currency stakes are denominated in; every pair's quote currency.</summary>
    public required string StakeCurrency { get; init; }

    /// <summary>Exchange name, e.g. <c>binance</c>.</summary>
    public required string Exchange { get; init; }

    /// <summary>Free-form strategy parameters.</summary>
    public ConfigMapping Parameters { get; init; } = ConfigMapping.Empty;

    /// <summary>Hyperopt-style entry parameters.</summary>
    public ConfigMapping BuyParams { get; init; } = ConfigMapping.Empty;

    /// <summary>Hyperopt-style exit parameters.</summary>
    public ConfigMapping SellParams { get; init; } = ConfigMapping.Empty;

    /// <summary>FreqAI settings, when the strategy uses FreqAI.</summary>
    public ConfigMapping? FreqAI { get; init; }

    /// <summary>The full validated config the record was bound from.</summary>
    public required ConfigMapping Document { get; init; }
}
