using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Bounds on what resolving interpolations may produce, so a small document cannot expand without limit
/// (<c>a1: "${a0}${a0}${a0}${a0}"</c>, <c>a2: "${a1}${a1}${a1}${a1}"</c>, ... grows 4× a line). A value or document
/// beyond a bound is a validation error naming the path.
/// </summary>
public sealed record InterpolationOptions
{
    /// <summary>1 MiB per value, 16 MiB and 1,000,000 nodes per document, 128 levels of nesting.</summary>
    public static InterpolationOptions Default { get; } = new();

    /// <summary>Longest string one interpolation may produce, in characters.</summary>
    public int MaxValueLength { get; init; } = 1024 * 1024;

    /// <summary>Most characters all resolved strings of one document may add up to.</summary>
    public long MaxDocumentLength { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most nodes the mappings and lists that references copy into place may add up to.</summary>
    public long MaxDocumentNodes { get; init; } = 1_000_000;

    /// <summary>Deepest nesting a reference to a mapping or list may produce where it lands.</summary>
    public int MaxDepth { get; init; } = YamlReadOptions.Default.MaxDepth;
}
