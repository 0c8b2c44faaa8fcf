namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// Control and visibility of the background refresh of every strategy registered with <c>AddActiveStrategyConfig</c>:
/// force a refresh after an activation, read what is served and why a refresh failed, or be told when one fails.
/// </summary>
public interface IActiveStrategyRefresher
{
    /// <summary>The registered strategies, in registration order (the first also answers <c>IOptionsMonitor.CurrentValue</c>).</summary>
    IReadOnlyList<string> Strategies { get; }

    /// <summary>The status of one strategy: an immutable snapshot, consistent in itself.</summary>
    /// <exception cref="ArgumentException">The strategy is not registered.</exception>
    ActiveStrategyStatus GetStatus(string strategyName);

    /// <summary>
    /// Reads the active version now and applies it if it changed, exactly as a scheduled poll does (waiting for one in
    /// progress). Failures are returned, not thrown: the last good version stays served.
    /// </summary>
    /// <exception cref="ArgumentException">The strategy is not registered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<StrategyRefreshResult> RefreshNowAsync(string strategyName, CancellationToken cancellationToken = default);

    /// <summary>Raised after every failed refresh (scheduled or forced), with the kept version and the reason.</summary>
    event EventHandler<StrategyRefreshResult>? RefreshFailed;
}
