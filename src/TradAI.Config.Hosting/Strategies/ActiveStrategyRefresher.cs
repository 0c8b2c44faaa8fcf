using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Configuration;
using TradAI.Config.Hosting.Diagnostics;
using TradAI.Config.Hosting.Scheduling;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// Follows one strategy's active version. A refresh is one get-active read; only when the <c>config_id</c> differs
/// from the applied one does it verify the content against its hash, run the project's pipeline (overrides → resolve →
/// validate, <see cref="StrategyConfigLoader.BindWithOverrides"/>) and swap the result in as one immutable snapshot,
/// then fire the change token. A refresh that fails changes nothing that is served (keep last good). Refreshes of one
/// strategy never overlap; readers never wait.
/// </summary>
internal sealed class ActiveStrategyRefresher
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<ConfigVersionService> _versions;
    private readonly Func<StrategyConfigLoader> _loader;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HostingInstruments _instruments;
    private readonly Action<StrategyRefreshResult> _onFailed;
    private volatile ActiveStrategyStatus _status;
    private CancellationTokenSource _changed = new();
    private TradaiStrategyConfigurationProvider[] _providers = [];

    public ActiveStrategyRefresher(
        string name,
        ActiveStrategyOptions options,
        TimeSpan interval,
        Func<ConfigVersionService> versions,
        Func<StrategyConfigLoader> loader,
        TimeProvider time,
        ILogger logger,
        HostingInstruments instruments,
        Action<StrategyRefreshResult> onFailed)
    {
        Name = name;
        Options = options;
        Interval = interval;
        _versions = versions;
        _loader = loader;
        _time = time;
        _logger = logger;
        _instruments = instruments;
        _onFailed = onFailed;
        _status = ActiveStrategyStatus.NotStarted(name);
    }

    public string Name { get; }

    public ActiveStrategyOptions Options { get; }

    /// <summary>The poll interval in force for this strategy.</summary>
    public TimeSpan Interval { get; }

    public ActiveStrategyStatus Status => _status;

    /// <summary>The served config: one volatile read on the hot path, an exception while nothing is applied.</summary>
    public StrategyConfig CurrentConfig => _status.Current?.Config ?? throw Unavailable();

    /// <summary>Test seam: raised after every refresh, inside the refresh's exclusive section.</summary>
    internal event Action<StrategyRefreshResult>? Refreshed;

    /// <summary>Test seam: raised each time the loop has armed its timer, with the delay and the wait itself.</summary>
    internal event Action<TimeSpan, Task>? Waiting;

    /// <summary>A token that fires once, after the next new version is swapped in.</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>The configuration providers that mirror this strategy under <c>TradAI:Strategies:{name}</c>.</summary>
    internal void Attach(IEnumerable<TradaiStrategyConfigurationProvider> providers)
    {
        _providers = [.. providers];
        if (_status.Current is { } current)
        {
            foreach (var provider in _providers)
            {
                provider.Apply(current.Config);
            }
        }
    }

    /// <summary>One refresh; failures are returned as results (and logged, counted, raised), never thrown.</summary>
    /// <param name="cancellationToken">Cancels the refresh; then nothing changes and the cancellation propagates.</param>
    /// <param name="timeout">A bound on the whole refresh (start-up); the refresh then fails as an unreachable store.</param>
    public async Task<StrategyRefreshResult> RefreshAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = _status.Current;
            StrategyRefreshResult result;
            if (timeout is { } limit)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(limit);
                try
                {
                    result = await RefreshCoreAsync(bounded.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    result = Fail(_status, _time.GetUtcNow(), ErrorKind.ExternalService, $"the version store did not answer within {limit.TotalSeconds:0.###} s", null);
                }
            }
            else
            {
                result = await RefreshCoreAsync(cancellationToken).ConfigureAwait(false);
            }

            Publish(result, before);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The polling loop: wait (interval, or backoff while failing), refresh, until <paramref name="stopping"/> fires.</summary>
    public Task RunAsync(CancellationToken stopping) => PollingLoop.RunAsync(
        () => RefreshSchedule.NextDelay(Interval, Options.Jitter, Options.MaxRetryDelay, _status.ConsecutiveFailures, Random.Shared.NextDouble()),
        ct => RefreshAsync(ct),
        _time,
        (delay, wait) => Waiting?.Invoke(delay, wait),
        stopping);

    private async Task<StrategyRefreshResult> RefreshCoreAsync(CancellationToken cancellationToken)
    {
        var previous = _status;
        ConfigVersion? active;
        try
        {
            active = await _versions().TryGetActiveAsync(Name, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(previous, _time.GetUtcNow(), KindOf(ex), ReasonOf(ex), null);
        }

        var at = _time.GetUtcNow();
        if (active is null)
        {
            return Fail(previous, at, ErrorKind.NotFound, "no active config version", null);
        }

        if (previous.Current is { } current && string.Equals(current.ConfigId, active.ConfigId, StringComparison.Ordinal))
        {
            return Succeed(previous, at, StrategyRefreshOutcome.Unchanged, current);
        }

        StrategyConfig config;
        try
        {
            // Content written around ConfigVersionService is caught here, not served: it must still be what its id names.
            if (!string.Equals(ConfigHasher.Hash(active.ConfigData), active.ConfigHash, StringComparison.Ordinal))
            {
                return Fail(previous, at, ErrorKind.Validation,
                    $"version {active.ConfigId}: its content does not match its config_hash (changed outside ConfigVersionService)", active.ConfigId);
            }

            config = _loader().BindWithOverrides(active.ConfigData, Options.OverrideMapping, Options.Overrides);
        }
        catch (Exception ex)
        {
            return Fail(previous, at, ex is TradaiException typed ? typed.Kind : ErrorKind.Validation, $"version {active.ConfigId} is invalid: {ReasonOf(ex)}", active.ConfigId);
        }

        var snapshot = new ActiveStrategySnapshot(Name, active.ConfigId, active.VersionNumber, active.ConfigHash, config, at);
        return Succeed(previous, at, StrategyRefreshOutcome.Applied, snapshot);
    }

    private StrategyRefreshResult Succeed(ActiveStrategyStatus previous, DateTimeOffset at, StrategyRefreshOutcome outcome, ActiveStrategySnapshot current)
    {
        _status = new ActiveStrategyStatus(Name, current, at, at, null, null, 0);
        if (previous.ConsecutiveFailures > 0)
        {
            HostingLog.RefreshRecovered(_logger, Name, previous.ConsecutiveFailures);
        }

        return new StrategyRefreshResult(Name, outcome, current, null);
    }

    private StrategyRefreshResult Fail(ActiveStrategyStatus previous, DateTimeOffset at, ErrorKind kind, string reason, string? configId)
    {
        var failure = new StrategyRefreshFailure(kind, reason, configId, at);
        _status = previous with
        {
            LastAttemptAt = at,
            Failure = failure,
            FailingSince = previous.FailingSince ?? at,
            ConsecutiveFailures = previous.ConsecutiveFailures + 1,
        };
        return new StrategyRefreshResult(Name, StrategyRefreshOutcome.Failed, previous.Current, failure);
    }

    /// <summary>Everything a refresh announces, in order: mirrors, change token, log, metrics, failure event.</summary>
    private void Publish(StrategyRefreshResult result, ActiveStrategySnapshot? previous)
    {
        switch (result.Outcome)
        {
            case StrategyRefreshOutcome.Applied:
                foreach (var provider in _providers)
                {
                    provider.Apply(result.Current!.Config);
                }

                FireChanged();
                HostingLog.ConfigApplied(_logger, Name, result.Current!.ConfigId, previous is null ? "none" : previous.ConfigId);
                break;
            case StrategyRefreshOutcome.Unchanged:
                HostingLog.RefreshUnchanged(_logger, Name, result.Current!.ConfigId);
                break;
            default:
                var failure = result.Failure!;
                HostingLog.RefreshFailed(_logger, Name, failure.Kind, failure.Reason, result.Current?.ConfigId ?? "none", _status.ConsecutiveFailures);
                break;
        }

        _instruments.Refreshed(Name, result);
        if (result.Outcome == StrategyRefreshOutcome.Failed)
        {
            _onFailed(result);
        }

        Refreshed?.Invoke(result);
    }

    private void FireChanged()
    {
        var fired = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        try
        {
            fired.Cancel();
        }
        catch (AggregateException ex)
        {
            HostingLog.ChangeListenerFailed(_logger, Name, ex.InnerExceptions.Count == 1 ? ex.InnerExceptions[0] : ex);
        }
    }

    private ActiveStrategyUnavailableException Unavailable() => new(Name, _status.Failure);

    private static ErrorKind KindOf(Exception ex) => ex is TradaiException typed ? typed.Kind : ErrorKind.ExternalService;

    private static string ReasonOf(Exception ex) =>
        ex is TradaiException ? ex.Message : $"{ex.GetType().Name}: {InputSanitizer.Sanitize(ex.Message)}";

    public override string ToString() => $"ActiveStrategyRefresher({Name}, {_status.Current?.ConfigId ?? "none"})";
}
