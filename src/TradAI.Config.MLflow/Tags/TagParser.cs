namespace TradAI.Config.MLflow.Tags;

/// <summary>How a model-version tag's text becomes a config value (SPEC §4.3: str, csv_list, int, bool).</summary>
public enum TagParser
{
    /// <summary>The text as it is.</summary>
    Str,

    /// <summary>Comma-separated items, each trimmed, empty items dropped: <c>"BTC/USDT, ETH/USDT"</c> → a list.</summary>
    CsvList,

    /// <summary>A whole number (64-bit, invariant culture): <c>"30"</c> → 30.</summary>
    Int,

    /// <summary><c>true/false</c>, <c>yes/no</c>, <c>on/off</c>, <c>1/0</c>, any case.</summary>
    Bool,
}
