namespace TradAI.Deployment.Profiles;

/// <summary>What a service may do with a resource.</summary>
public enum AccessLevel
{
    /// <summary>Read objects or items.</summary>
    Read,

    /// <summary>Read and write objects or items.</summary>
    ReadWrite,

    /// <summary>Send messages (queues).</summary>
    Send,

    /// <summary>Start executions and read their state (workflows).</summary>
    Start,
}
