using TradAI.Config.Core.Tree;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// How one strategy's active version is followed (named options, one per strategy): the overrides applied on top of
/// every version, whether the host may start without it, and the polling and retry schedule.
/// </summary>
public sealed class ActiveStrategyOptions
{
    /// <summary>The default largest wait between retries while refreshes keep failing.</summary>
    public static TimeSpan DefaultMaxRetryDelay { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When true the host starts even if the strategy cannot be loaded (health is Unhealthy and reading the options
    /// throws until the first successful refresh applies a version); when false (default) start-up fails naming it.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>Hydra overrides (<c>timeframe=15m</c>, <c>+parameters.x=1</c>, <c>~a.b</c>) applied to every version, after <see cref="OverrideMapping"/>.</summary>
    public IList<string> Overrides { get; } = new List<string>();

    /// <summary>A mapping deep-merged over every version before <see cref="Overrides"/>.</summary>
    public ConfigMapping? OverrideMapping { get; set; }

    /// <summary>This strategy's poll interval; null uses <c>TradAI:RefreshInterval</c>.</summary>
    public TimeSpan? RefreshInterval { get; set; }

    /// <summary>
    /// Fraction (0–0.5) by which each wait is randomly shortened, so replicas started together do not poll in lock-step.
    /// Waits are never lengthened: an activation is applied within one interval.
    /// </summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>While refreshes fail the wait doubles from the interval up to this (the interval if larger).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>How long the first load at start-up may take before it counts as a failure.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long refreshes may keep failing while the last good version is served before health turns from Degraded
    /// to Unhealthy; null means ten poll intervals.
    /// </summary>
    public TimeSpan? UnhealthyAfter { get; set; }
}
