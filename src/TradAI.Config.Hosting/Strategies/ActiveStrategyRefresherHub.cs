using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Configuration;
using TradAI.Config.Hosting.Diagnostics;
using TradAI.Config.Hosting.Registration;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// Every strategy's refresher, by name, in registration order; the public face (<see cref="IActiveStrategyRefresher"/>)
/// and what the options monitor, the health checks, the configuration mirrors and the hosted service share.
/// </summary>
internal sealed class ActiveStrategyRefresherHub : IActiveStrategyRefresher
{
    private readonly ActiveStrategyRefresher[] _ordered;
    private readonly Dictionary<string, ActiveStrategyRefresher> _byName = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public ActiveStrategyRefresherHub(
        IEnumerable<ActiveStrategyRegistration> registrations,
        IOptionsMonitor<ActiveStrategyOptions> strategyOptions,
        IOptions<TradaiConfigOptions> options,
        IServiceProvider services,
        TimeProvider time,
        HostingInstruments instruments)
    {
        _logger = HostingLog.For(services, HostingLog.ActiveStrategies);
        var versions = new CreatedOnce<ConfigVersionService>(services.GetRequiredService<ConfigVersionService>);
        var loader = new CreatedOnce<StrategyConfigLoader>(services.GetRequiredService<StrategyConfigLoader>);
        var refreshLogger = HostingLog.For(services, HostingLog.Refresher);
        foreach (var registration in registrations)
        {
            var name = registration.StrategyName;
            var own = strategyOptions.Get(name);
            var refresher = new ActiveStrategyRefresher(
                name, own, own.RefreshInterval ?? options.Value.RefreshInterval, () => versions.Value, () => loader.Value,
                time, refreshLogger, instruments, RaiseFailed);
            _byName.Add(name, refresher);
        }

        _ordered = [.. registrations.Select(r => _byName[r.StrategyName])];
        Strategies = [.. _ordered.Select(r => r.Name)];

        var mirrors = TradaiConfigurationProviders.Find<TradaiStrategyConfigurationProvider>(services.GetService<IConfiguration>());
        foreach (var group in mirrors.GroupBy(p => p.StrategyName, StringComparer.Ordinal))
        {
            if (_byName.TryGetValue(group.Key, out var refresher))
            {
                refresher.Attach(group);
            }
            else
            {
                UnfedConfigurationStrategies.Add(group.Key);
            }
        }
    }

    public IReadOnlyList<string> Strategies { get; }

    /// <summary>Strategies added with <c>AddTradaiStrategy</c> but never registered with <c>AddActiveStrategyConfig</c>.</summary>
    public List<string> UnfedConfigurationStrategies { get; } = [];

    internal IReadOnlyList<ActiveStrategyRefresher> Refreshers => _ordered;

    /// <summary>The strategy that answers for the default options name (<c>CurrentValue</c>): the first registered.</summary>
    public ActiveStrategyRefresher Default => _ordered.Length > 0
        ? _ordered[0]
        : throw new InvalidOperationException("No strategy is registered: call services.AddTradaiConfig().AddActiveStrategyConfig(\"name\")");

    public event EventHandler<StrategyRefreshResult>? RefreshFailed;

    public ActiveStrategyRefresher Get(string? strategyName)
    {
        if (string.IsNullOrEmpty(strategyName))
        {
            return Default;
        }

        return _byName.TryGetValue(strategyName, out var refresher)
            ? refresher
            : throw new ArgumentException(
                $"strategy '{InputSanitizer.Sanitize(strategyName)}' is not registered (registered: {(Strategies.Count == 0 ? "none" : string.Join(", ", Strategies))}); call AddActiveStrategyConfig(\"{InputSanitizer.Sanitize(strategyName)}\")",
                nameof(strategyName));
    }

    public ActiveStrategyStatus GetStatus(string strategyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategyName);
        return Get(strategyName).Status;
    }

    public Task<StrategyRefreshResult> RefreshNowAsync(string strategyName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategyName);
        return Get(strategyName).RefreshAsync(cancellationToken);
    }

    private void RaiseFailed(StrategyRefreshResult result)
    {
        if (RefreshFailed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<StrategyRefreshResult>>())
        {
            try
            {
                handler(this, result);
            }
            catch (Exception ex)
            {
                HostingLog.ChangeListenerFailed(_logger, result.StrategyName, ex);
            }
        }
    }
}
