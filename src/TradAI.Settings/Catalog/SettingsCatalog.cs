using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Catalog;

/// <summary>The services whose settings the CLI can show and validate, by service key (<c>backend</c>, <c>strategy</c>).</summary>
public static class SettingsCatalog
{
    private static readonly SettingsSchema[] Schemas = [BackendSettings.Schema, StrategyServiceSettings.Schema];

    public static IReadOnlyList<SettingsSchema> All => Schemas;

    /// <summary>The schema for a service key (case-insensitive), or null.</summary>
    public static SettingsSchema? Find(string service) =>
        Array.Find(Schemas, s => string.Equals(s.Service, service, StringComparison.OrdinalIgnoreCase));
}
