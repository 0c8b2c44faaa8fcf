using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradAI.Config.Core.Errors;
using TradAI.Config.Hosting.Diagnostics;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// Runs the refreshers inside the host. The first load happens in <see cref="StartingAsync"/>, before any hosted
/// service's <c>StartAsync</c>, so workers start with their config applied; a non-optional strategy that cannot be
/// loaded stops the host there, named in the error. Then one polling loop per strategy runs until the host stops.
/// </summary>
internal sealed class ActiveStrategyRefreshService(IServiceProvider services) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = HostingLog.For(services, HostingLog.ActiveStrategies);
    private Task[] _loops = [];

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var hub = services.GetRequiredService<ActiveStrategyRefresherHub>();
        if (hub.UnfedConfigurationStrategies.Count > 0)
        {
            var names = string.Join(", ", hub.UnfedConfigurationStrategies.Select(n => $"'{InputSanitizer.Sanitize(n)}'"));
            throw new InvalidOperationException(
                $"configuration has AddTradaiStrategy for {names} but nothing refreshes it: also call services.AddTradaiConfig().AddActiveStrategyConfig(name) for each");
        }

        var results = await Task.WhenAll(hub.Refreshers.Select(r => r.RefreshAsync(cancellationToken, r.Options.StartupTimeout))).ConfigureAwait(false);
        var failures = new List<Exception>();
        for (var i = 0; i < results.Length; i++)
        {
            var refresher = hub.Refreshers[i];
            if (results[i].Failure is not { } failure)
            {
                continue;
            }

            if (refresher.Options.Optional)
            {
                HostingLog.StartedWithoutConfig(_logger, refresher.Name, failure.Kind, failure.Reason);
                continue;
            }

            HostingLog.StartupFailed(_logger, refresher.Name, failure.Kind, failure.Reason);
            failures.Add(new ActiveStrategyUnavailableException(
                refresher.Name,
                failure,
                $"strategy '{InputSanitizer.Sanitize(refresher.Name)}' cannot start: {failure.Reason}"
                + (failure.Kind == ErrorKind.NotFound ? $" (activate one: tradai version activate {InputSanitizer.Sanitize(refresher.Name)} CONFIG_ID)" : string.Empty)
                + "; set Optional to start without it"));
        }

        if (failures.Count == 1)
        {
            throw failures[0];
        }

        if (failures.Count > 1)
        {
            throw new AggregateException($"{failures.Count} strategies cannot start", failures);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hub = services.GetRequiredService<ActiveStrategyRefresherHub>();
        _loops = [.. hub.Refreshers.Select(r => Task.Run(() => r.RunAsync(_stopping.Token), CancellationToken.None))];
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();
}
