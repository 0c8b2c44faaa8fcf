namespace TradAI.Config.Hosting.Strategies;

/// <summary>The result of one refresh of one strategy.</summary>
/// <param name="StrategyName">The strategy refreshed.</param>
/// <param name="Outcome">Applied, unchanged or failed.</param>
/// <param name="Current">The version served after the refresh (the kept one when it failed); null if none was ever applied.</param>
/// <param name="Failure">Why it failed; null unless <paramref name="Outcome"/> is <see cref="StrategyRefreshOutcome.Failed"/>.</param>
public sealed record StrategyRefreshResult(
    string StrategyName,
    StrategyRefreshOutcome Outcome,
    ActiveStrategySnapshot? Current,
    StrategyRefreshFailure? Failure);
