using TradAI.Deployment.Profiles;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Catalog;

/// <summary>
/// The settings type of each service, by the service's name (<c>backend</c>, <c>strategy-service</c>): the same names
/// <c>tradai infra env --service</c> and the stacks use (<see cref="Deployment.Profiles.ServiceProfiles"/>).
/// </summary>
public static class SettingsCatalog
{
    // Schemas are built when first asked for (a schema builds its fields and checks), not by every CLI start that
    // only needs the names for its help and argument checks.
    private static readonly (string Service, Func<SettingsSchema> Schema)[] Entries =
    [
        (ServiceProfiles.BackendName, () => BackendSettings.Schema),
        (ServiceProfiles.StrategyServiceName, () => StrategyServiceSettings.Schema),
        (ServiceProfiles.DataCollectionName, () => DataCollectionSettings.Schema),
        (ServiceProfiles.MlflowName, () => MlflowServerSettings.Schema),
        (ServiceProfiles.LiveTradingName, () => LiveTradingSettings.Schema),
        (ServiceProfiles.DryRunTradingName, () => DryRunTradingSettings.Schema),
    ];

    /// <summary>The service names, in catalog order, without building any schema.</summary>
    public static IReadOnlyList<string> Services { get; } = [.. Entries.Select(e => e.Service)];

    /// <summary>Every service's schema, in catalog order.</summary>
    public static IReadOnlyList<SettingsSchema> All => [.. Entries.Select(e => e.Schema())];

    /// <summary>The schema for a service name (case-insensitive), or null.</summary>
    public static SettingsSchema? Find(string service) =>
        Array.Find(Entries, e => string.Equals(e.Service, service?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Schema: { } schema } ? schema() : null;
}
