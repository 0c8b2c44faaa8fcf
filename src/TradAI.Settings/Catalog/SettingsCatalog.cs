using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Catalog;

/// <summary>
/// The settings type of each service, by the service's name (<c>backend</c>, <c>strategy-service</c>): the same names
/// <c>tradai infra env --service</c> and the stacks use (<see cref="Deployment.Profiles.ServiceProfiles"/>).
/// </summary>
public static class SettingsCatalog
{
    private static readonly SettingsSchema[] Schemas =
    [
        BackendSettings.Schema,
        StrategyServiceSettings.Schema,
        DataCollectionSettings.Schema,
        MlflowServerSettings.Schema,
        LiveTradingSettings.Schema,
        DryRunTradingSettings.Schema,
    ];

    public static IReadOnlyList<SettingsSchema> All => Schemas;

    /// <summary>The schema for a service name (case-insensitive), or null.</summary>
    public static SettingsSchema? Find(string service) =>
        Array.Find(Schemas, s => string.Equals(s.Service, service?.Trim(), StringComparison.OrdinalIgnoreCase));
}
