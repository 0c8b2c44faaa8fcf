namespace TradAI.Config.Core.Versioning;

/// <summary>How a path differs between two configs.</summary>
public enum ConfigDiffKind
{
    /// <summary>Only in the newer config.</summary>
    Added,

    /// <summary>Only in the older config.</summary>
    Removed,

    /// <summary>In both, with different values (or types).</summary>
    Changed,
}
