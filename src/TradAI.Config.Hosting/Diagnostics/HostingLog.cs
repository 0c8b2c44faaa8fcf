using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Hosting.Diagnostics;

/// <summary>Source-generated log messages with the ids of <see cref="TradaiHostingEvents"/>. None of them takes a secret value.</summary>
internal static partial class HostingLog
{
    /// <summary>Category of strategy start-up, options and change events.</summary>
    public const string ActiveStrategies = "TradAI.Config.Hosting.ActiveStrategies";

    /// <summary>Category of each refresh (applied, unchanged, failed).</summary>
    public const string Refresher = "TradAI.Config.Hosting.ActiveStrategyRefresher";

    /// <summary>Category of the secrets refresher.</summary>
    public const string Secrets = "TradAI.Config.Hosting.Secrets";

    /// <summary>A logger of <paramref name="category"/> from the container, or a null logger outside a logging setup.</summary>
    public static ILogger For(IServiceProvider services, string category) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;

    [LoggerMessage(TradaiHostingEvents.ConfigApplied, LogLevel.Information,
        "Strategy {Strategy}: applied config version {ConfigId} (previously {PreviousConfigId})")]
    public static partial void ConfigApplied(ILogger logger, string strategy, string configId, string previousConfigId);

    [LoggerMessage(TradaiHostingEvents.RefreshFailed, LogLevel.Warning,
        "Strategy {Strategy}: refresh failed ({Kind}: {Reason}); keeping {KeptConfigId}, failure {ConsecutiveFailures} in a row")]
    public static partial void RefreshFailed(ILogger logger, string strategy, ErrorKind kind, string reason, string keptConfigId, int consecutiveFailures);

    [LoggerMessage(TradaiHostingEvents.RefreshRecovered, LogLevel.Information,
        "Strategy {Strategy}: refreshes succeed again after {Failures} failures")]
    public static partial void RefreshRecovered(ILogger logger, string strategy, int failures);

    [LoggerMessage(TradaiHostingEvents.RefreshUnchanged, LogLevel.Debug, "Strategy {Strategy}: {ConfigId} is still active")]
    public static partial void RefreshUnchanged(ILogger logger, string strategy, string configId);

    [LoggerMessage(TradaiHostingEvents.StartupFailed, LogLevel.Error, "Strategy {Strategy}: cannot start ({Kind}: {Reason})")]
    public static partial void StartupFailed(ILogger logger, string strategy, ErrorKind kind, string reason);

    [LoggerMessage(TradaiHostingEvents.StartedWithoutConfig, LogLevel.Warning,
        "Strategy {Strategy} is optional and could not be loaded at start-up ({Kind}: {Reason}); starting without it, health is Unhealthy until a refresh succeeds")]
    public static partial void StartedWithoutConfig(ILogger logger, string strategy, ErrorKind kind, string reason);

    [LoggerMessage(TradaiHostingEvents.ChangeListenerFailed, LogLevel.Error, "Strategy {Strategy}: a change listener threw")]
    public static partial void ChangeListenerFailed(ILogger logger, string strategy, Exception exception);

    [LoggerMessage(TradaiHostingEvents.SecretChanged, LogLevel.Information,
        "Secret {Secret}: new value applied to configuration (version {VersionId}, {KeyCount} keys)")]
    public static partial void SecretChanged(ILogger logger, string secret, string versionId, int keyCount);

    [LoggerMessage(TradaiHostingEvents.SecretRefreshFailed, LogLevel.Warning,
        "Secret {Secret}: refresh failed ({Kind}: {Reason}); keeping its last good values, failure {ConsecutiveFailures} in a row")]
    public static partial void SecretRefreshFailed(ILogger logger, string secret, ErrorKind kind, string reason, int consecutiveFailures);

    [LoggerMessage(TradaiHostingEvents.SecretKeyMissing, LogLevel.Warning, "Secret {Secret} has no key {Key}; {Target} is not set")]
    public static partial void SecretKeyMissing(ILogger logger, string secret, string key, string target);
}
