namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// Watches a refresh loop through its test seams: whether it is parked on its timer (and for how long), and the
/// result of the next refresh. With a fake clock this makes "one interval later" exact instead of a sleep.
/// </summary>
internal sealed class LoopProbe<TResult>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private Task? _wait;
    private TimeSpan _delay;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<TResult>? _next;

    public void OnWaiting(TimeSpan delay, Task wait)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _wait = wait;
            _delay = delay;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public void OnRefreshed(TResult result)
    {
        TaskCompletionSource<TResult>? next;
        lock (_gate)
        {
            next = _next;
            _next = null;
        }

        next?.TrySetResult(result);
    }

    /// <summary>Returns the armed delay once the loop waits on its timer.</summary>
    public async Task<TimeSpan> WhenParkedAsync()
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_wait is { IsCompleted: false })
                {
                    return _delay;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(Patience);
        }
    }

    /// <summary>The result of the next refresh from now on (scheduled or forced).</summary>
    public Task<TResult> NextRefresh()
    {
        lock (_gate)
        {
            _next ??= new(TaskCreationOptions.RunContinuationsAsynchronously);
            return _next.Task.WaitAsync(Patience);
        }
    }
}
