namespace TradAI.Deployment.Profiles;

/// <summary>Kinds of resources a service is granted access to.</summary>
public enum ResourceKind
{
    Bucket,
    Table,

    /// <summary>The backtest queue.</summary>
    Queue,

    /// <summary>The backtest workflow.</summary>
    StateMachine,
}
