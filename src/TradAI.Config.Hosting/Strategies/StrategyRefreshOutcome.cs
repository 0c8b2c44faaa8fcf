namespace TradAI.Config.Hosting.Strategies;

/// <summary>What one refresh did.</summary>
public enum StrategyRefreshOutcome
{
    /// <summary>A new active version was validated and swapped in.</summary>
    Applied,

    /// <summary>The active version is the one already applied (one read, nothing else done).</summary>
    Unchanged,

    /// <summary>Nothing was applied; the last good version (if any) is still served.</summary>
    Failed,
}
