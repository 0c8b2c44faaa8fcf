using TradAI.Config.Core.Validation;

namespace TradAI.Config.Core.Merging;

/// <summary>What <see cref="ConfigMergeService"/> checks and how it merges.</summary>
public sealed record ConfigMergeOptions
{
    /// <summary>No required fields, no schema, open merge, the process environment.</summary>
    public static ConfigMergeOptions Default { get; } = new();

    /// <summary>Dotted paths that must be present and non-null after merging.</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>An optional typed schema checked after the required fields.</summary>
    public IConfigSchema? Schema { get; init; }

    /// <summary>Struct mode: overrides may only set keys the base has.</summary>
    public bool StructMode { get; init; }

    /// <summary>Environment lookup for <c>${oc.env:...}</c>; the process environment when null.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Bounds on what interpolation may produce; <see cref="InterpolationOptions.Default"/> when null.</summary>
    public InterpolationOptions? Interpolation { get; init; }
}
