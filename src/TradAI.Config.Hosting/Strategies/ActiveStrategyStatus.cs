namespace TradAI.Config.Hosting.Strategies;

/// <summary>Where one strategy's refreshing stands: what is served, when it last worked, and the current failure streak.</summary>
/// <param name="StrategyName">The strategy.</param>
/// <param name="Current">The version served; null until the first success.</param>
/// <param name="LastAttemptAt">When a refresh last ran.</param>
/// <param name="LastSuccessAt">When a refresh last succeeded (applied or unchanged).</param>
/// <param name="Failure">Why the latest refresh failed; null when it succeeded.</param>
/// <param name="FailingSince">When the current failure streak began; null when the latest refresh succeeded.</param>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
public sealed record ActiveStrategyStatus(
    string StrategyName,
    ActiveStrategySnapshot? Current,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    StrategyRefreshFailure? Failure,
    DateTimeOffset? FailingSince,
    int ConsecutiveFailures)
{
    /// <summary>Nothing attempted yet.</summary>
    public static ActiveStrategyStatus NotStarted(string strategyName) => new(strategyName, null, null, null, null, null, 0);
}
