namespace TradAI.Config.Hosting.Scheduling;

/// <summary>
/// When the next poll happens: one interval after a success; after failures the wait doubles from the interval up to
/// the retry cap (exponential backoff, so an outage or throttling is not answered with more requests). Jitter only
/// shortens a wait, so an activation is still seen within one interval.
/// </summary>
internal static class RefreshSchedule
{
    /// <param name="interval">The poll interval (positive).</param>
    /// <param name="jitter">Fraction 0–0.5 a wait may be shortened by.</param>
    /// <param name="maxRetryDelay">The backoff cap; the interval when smaller.</param>
    /// <param name="consecutiveFailures">Failures since the last success.</param>
    /// <param name="random">A uniform sample in [0, 1).</param>
    public static TimeSpan NextDelay(TimeSpan interval, double jitter, TimeSpan maxRetryDelay, int consecutiveFailures, double random)
    {
        var ticks = (double)interval.Ticks;
        if (consecutiveFailures > 0)
        {
            var cap = Math.Max(maxRetryDelay.Ticks, interval.Ticks);
            ticks = Math.Min(ticks * Math.Pow(2, Math.Min(consecutiveFailures - 1, 40)), cap);
        }

        return TimeSpan.FromTicks((long)(ticks * (1 - (Math.Clamp(jitter, 0, 0.5) * random))));
    }
}
