using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Catalog;

/// <summary>
/// What the API and the pages both ask of the stores: the versions (through <see cref="ConfigVersionService"/>, so the
/// console applies exactly the CLI's validation and lifecycle rules) and the names in the config store.
/// </summary>
internal sealed class StrategyCatalog(ConsoleStores stores, TimeProvider time)
{
    /// <summary>A name no store holds, read by the health check: it proves the store answers without listing it.</summary>
    private const string ProbeName = "tradai-console-health-probe";

    public ConfigVersionService Versions { get; } = new(stores.Versions, time);

    public string StoreDescription => stores.Description;

    /// <summary>Every strategy with versions and every config in the config store, by name.</summary>
    public async Task<IReadOnlyList<StrategyOverview>> ListAsync(CancellationToken ct)
    {
        var summaries = await Versions.ListStrategiesAsync(ct).ConfigureAwait(false);
        var configs = stores.Configs is null ? [] : await stores.Configs.ListAsync(ct).ConfigureAwait(false);
        var configNames = new HashSet<string>(configs, StringComparer.Ordinal);
        var rows = summaries.ToDictionary(
            s => s.StrategyName,
            s => new StrategyOverview(s.StrategyName, s.Active, s.VersionCount, s.DraftCount, configNames.Contains(s.StrategyName)),
            StringComparer.Ordinal);
        foreach (var name in configs)
        {
            rows.TryAdd(name, new StrategyOverview(name, null, 0, 0, HasConfig: true));
        }

        return [.. rows.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every version of a strategy, newest first, reading page by page up to <paramref name="max"/>.</summary>
    /// <exception cref="NotFoundException">Neither store knows the strategy.</exception>
    public async Task<(IReadOnlyList<ConfigVersion> Items, bool More)> HistoryAsync(string strategy, int max, CancellationToken ct)
    {
        var items = new List<ConfigVersion>();
        string? token = null;
        do
        {
            ConfigVersionPage page;
            try
            {
                page = await Versions.ListAsync(strategy, null, Math.Min(ConfigVersionService.MaxPageSize, max - items.Count), token, ct).ConfigureAwait(false);
            }
            catch (NotFoundException) when (token is null && stores.Configs is not null)
            {
                // A config in the store that was never versioned is a strategy without history; anything else is unknown.
                if (await stores.Configs.ExistsAsync(strategy, ct).ConfigureAwait(false))
                {
                    return ([], false);
                }

                throw;
            }

            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && items.Count < max);

        return (items, token is not null);
    }

    /// <summary>Whether both stores answer a read (a missing item is an answer; an unreachable store is not).</summary>
    public async Task<(bool Healthy, string? Problem)> CheckAsync(CancellationToken ct)
    {
        try
        {
            await stores.Versions.GetActiveAsync(ProbeName, ct).ConfigureAwait(false);
            if (stores.Configs is not null)
            {
                await stores.Configs.ExistsAsync(ProbeName, ct).ConfigureAwait(false);
            }

            return (true, null);
        }
        catch (TradaiException ex)
        {
            return (false, ex.Message);
        }
    }
}
