namespace TradAI.Config.Core.Versioning;

/// <summary>One difference: a dotted path (<c>freqai.periods[2]</c>) and its old and new values.</summary>
/// <param name="Path">Where the difference is.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="OldValue">The value in the older config (null when added).</param>
/// <param name="NewValue">The value in the newer config (null when removed).</param>
public sealed record ConfigDiffEntry(string Path, ConfigDiffKind Kind, object? OldValue, object? NewValue);
