namespace TradAI.Config.Hosting.Scheduling;

/// <summary>
/// The one polling loop of the package (strategies and secrets): wait the delay <see cref="RefreshSchedule"/> gives
/// for the current failure streak, on the injected clock, then refresh — until the host stops.
/// </summary>
internal static class PollingLoop
{
    /// <param name="nextDelay">The wait before the next refresh, asked afresh each round.</param>
    /// <param name="refresh">One refresh; it reports its own failures and only throws on cancellation.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="waiting">Told each armed wait (a test seam).</param>
    /// <param name="stopping">Ends the loop; a cancelled wait or refresh is a normal exit.</param>
    public static async Task RunAsync(
        Func<TimeSpan> nextDelay,
        Func<CancellationToken, Task> refresh,
        TimeProvider time,
        Action<TimeSpan, Task> waiting,
        CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var delay = nextDelay();
            var wait = Task.Delay(delay, time, stopping);
            waiting(delay, wait);
            try
            {
                await wait.ConfigureAwait(false);
                await refresh(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
