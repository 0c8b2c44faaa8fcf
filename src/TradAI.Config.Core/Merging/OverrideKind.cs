namespace TradAI.Config.Core.Merging;

/// <summary>The four forms of a Hydra command-line override.</summary>
public enum OverrideKind
{
    /// <summary><c>a.b=1</c>: change a key that exists.</summary>
    Change,

    /// <summary><c>+a.b=1</c>: add a key that does not exist.</summary>
    Add,

    /// <summary><c>++a.b=1</c>: add the key or change it.</summary>
    ForceAdd,

    /// <summary><c>~a.b</c> or <c>~a.b=1</c>: delete the key (only if it has that value, when one is given).</summary>
    Delete,
}
