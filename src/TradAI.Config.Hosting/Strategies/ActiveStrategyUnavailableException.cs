using TradAI.Config.Core.Errors;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// A strategy has no applicable config: thrown by the host's start-up when a non-optional strategy cannot be loaded,
/// and by the options accessors while an optional one has not loaded yet. The message names the strategy.
/// </summary>
public sealed class ActiveStrategyUnavailableException : TradaiException
{
    public ActiveStrategyUnavailableException(string strategyName, StrategyRefreshFailure? failure, string? message = null)
        : base(message ?? DefaultMessage(strategyName, failure))
    {
        StrategyName = strategyName;
        Failure = failure;
    }

    /// <summary>The strategy that is unavailable.</summary>
    public string StrategyName { get; }

    /// <summary>The latest failure, when a refresh was attempted.</summary>
    public StrategyRefreshFailure? Failure { get; }

    /// <summary>The failure's category; <see cref="ErrorKind.NotFound"/> when nothing was attempted yet.</summary>
    public override ErrorKind Kind => Failure?.Kind ?? ErrorKind.NotFound;

    private static string DefaultMessage(string strategyName, StrategyRefreshFailure? failure) =>
        failure is null
            ? $"strategy '{InputSanitizer.Sanitize(strategyName)}' has no applied config yet (the host has not started, or its first refresh has not succeeded)"
            : $"strategy '{InputSanitizer.Sanitize(strategyName)}' could not be loaded: {failure.Reason}";
}
