namespace TradAI.Config.Hosting.Strategies;

/// <summary>The rules <see cref="ActiveStrategyOptions"/> must meet, checked when the host starts.</summary>
internal static class ActiveStrategyOptionsChecks
{
    public const string Rules = "RefreshInterval (when set), MaxRetryDelay, StartupTimeout and UnhealthyAfter (when set) must be positive; Jitter between 0 and 0.5";

    public static bool IsValid(ActiveStrategyOptions options) =>
        (options.RefreshInterval is null || options.RefreshInterval > TimeSpan.Zero)
        && options.MaxRetryDelay > TimeSpan.Zero
        && options.StartupTimeout > TimeSpan.Zero
        && (options.UnhealthyAfter is null || options.UnhealthyAfter > TimeSpan.Zero)
        && options.Jitter is >= 0 and <= 0.5;
}
