namespace TradAI.Config.Hosting.Diagnostics;

/// <summary>
/// Names of the <see cref="System.Diagnostics.Metrics"/> instruments the hosting package publishes, for
/// <c>AddMeter(TradaiHostingMetrics.MeterName)</c> in an OpenTelemetry or <c>dotnet-counters</c> setup.
/// Every strategy measurement carries a <c>strategy</c> tag; secret measurements a <c>secret</c> tag.
/// </summary>
public static class TradaiHostingMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "TradAI.Config.Hosting";

    /// <summary>Counter: refreshes run, tagged <c>outcome</c> = applied | unchanged | failed.</summary>
    public const string Refreshes = "tradai.config.refreshes";

    /// <summary>Counter: failed refreshes, tagged <c>error.kind</c> = validation | not_found | conflict | external_service.</summary>
    public const string RefreshFailures = "tradai.config.refresh_failures";

    /// <summary>Counter: new versions applied (swapped in).</summary>
    public const string ChangesApplied = "tradai.config.changes_applied";

    /// <summary>Counter: secret re-reads, tagged <c>outcome</c> = changed | unchanged | failed.</summary>
    public const string SecretRefreshes = "tradai.secrets.refreshes";
}
