using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Hosting.Strategies;

namespace StrategyWorker;

/// <summary>
/// The worker: it starts with the active version already applied (the host loads it before any worker starts),
/// reports it, then reports every change from <c>OnChange</c> and every failed refresh. A real strategy would trade
/// here, reading <c>monitor.Get(strategy)</c> at each decision — always the last good version.
/// </summary>
internal sealed class ConfigEventsWorker(
    string strategy,
    IOptionsMonitor<StrategyConfig> monitor,
    IActiveStrategyRefresher refresher,
    EventLines lines) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Change listeners run while the new version is being published, so the status read there is that version.
        using var changes = monitor.OnChange((_, name) =>
        {
            if (name == strategy && refresher.GetStatus(strategy).Current is { } current)
            {
                lines.Applied(current);
            }
        });
        refresher.RefreshFailed += OnRefreshFailed;
        try
        {
            if (refresher.GetStatus(strategy).Current is { } current)
            {
                lines.Applied(current);
            }

            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            refresher.RefreshFailed -= OnRefreshFailed;
        }
    }

    private void OnRefreshFailed(object? sender, StrategyRefreshResult result)
    {
        if (result.StrategyName == strategy)
        {
            lines.Failed(result);
        }
    }
}
