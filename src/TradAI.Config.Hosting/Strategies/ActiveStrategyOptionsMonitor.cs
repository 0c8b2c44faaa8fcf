using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Hosting.Diagnostics;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// <see cref="IOptionsMonitor{TOptions}"/> of the active versions. Reads go straight to the refresher's immutable
/// snapshot (one volatile read, no cache, no allocation), so no reader ever sees a torn or stale-cached value;
/// <see cref="OnChange"/> listeners hear each strategy's change token (<see cref="IOptionsChangeTokenSource{TOptions}"/>),
/// once per applied version, with the strategy's name.
/// </summary>
internal sealed class ActiveStrategyOptionsMonitor : IOptionsMonitor<StrategyConfig>, IDisposable
{
    private readonly ActiveStrategyRefresherHub _hub;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private Action<StrategyConfig, string?>[] _listeners = [];

    public ActiveStrategyOptionsMonitor(ActiveStrategyRefresherHub hub, IEnumerable<IOptionsChangeTokenSource<StrategyConfig>> sources, IServiceProvider services)
    {
        _hub = hub;
        _logger = HostingLog.For(services, HostingLog.ActiveStrategies);
        foreach (var source in sources)
        {
            _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, Changed, source.Name));
        }
    }

    public StrategyConfig CurrentValue => _hub.Default.CurrentConfig;

    public StrategyConfig Get(string? name) => _hub.Get(name).CurrentConfig;

    public IDisposable? OnChange(Action<StrategyConfig, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Changed(string? name)
    {
        var refresher = _hub.Get(name);
        if (refresher.Status.Current is not { } current)
        {
            return;
        }

        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener(current.Config, refresher.Name);
            }
            catch (Exception ex)
            {
                HostingLog.ChangeListenerFailed(_logger, refresher.Name, ex);
            }
        }
    }

    private void Remove(Action<StrategyConfig, string?> listener)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(ActiveStrategyOptionsMonitor owner, Action<StrategyConfig, string?> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(listener);
            }
        }
    }
}
