using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Depth and size of a config tree, computed once as each immutable node is built (from its children's, so without
/// recursion). Every algorithm that walks a tree recursively relies on the depth ceiling here: no input can make the
/// process overflow its stack. Readers, overrides and interpolation apply the tighter, configurable
/// <see cref="YamlReadOptions.MaxDepth"/> first, with messages that name the path.
/// </summary>
public readonly record struct TreeShape(int Depth, long NodeCount)
{
    /// <summary>The deepest tree that can exist at all, whatever the options.</summary>
    public const int MaxSupportedDepth = 1000;

    /// <summary>An empty container: one level, one node.</summary>
    internal static TreeShape Container => new(1, 1);

    /// <summary>The depth of a value: 0 for a scalar.</summary>
    public static int DepthOf(object? value) => value switch
    {
        ConfigMapping m => m.Depth,
        ConfigSequence q => q.Depth,
        _ => 0,
    };

    /// <summary>The node count of a value: 1 for a scalar.</summary>
    public static long NodeCountOf(object? value) => value switch
    {
        ConfigMapping m => m.NodeCount,
        ConfigSequence q => q.NodeCount,
        _ => 1,
    };

    internal TreeShape Add(object? child) =>
        new(Math.Max(Depth, DepthOf(child) + 1), NodeCount + NodeCountOf(child) is var n && n < 0 ? long.MaxValue : n);

    internal (int Depth, long NodeCount) Checked() => Depth <= MaxSupportedDepth
        ? (Depth, NodeCount)
        : throw new ConfigValidationException($"the config nests deeper than {MaxSupportedDepth} levels");
}
