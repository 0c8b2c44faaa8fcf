namespace TradAI.Config.Core.Merging;

/// <summary>How <see cref="ConfigMerger"/> treats keys the base does not have.</summary>
public sealed record MergeOptions
{
    /// <summary>Open merge: later sources may add keys (OmegaConf's default).</summary>
    public static MergeOptions Default { get; } = new();

    /// <summary>Struct mode: every key a later source sets must exist in the base (OmegaConf's <c>set_struct</c>).</summary>
    public static MergeOptions Struct { get; } = new() { StructMode = true };

    /// <summary>When true, unknown keys in a later source are errors, reported all at once with their paths.</summary>
    public bool StructMode { get; init; }
}
