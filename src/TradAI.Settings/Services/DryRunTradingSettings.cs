using TradAI.Deployment.Profiles;
using TradAI.Settings.Loading;

namespace TradAI.Settings.Services;

/// <summary>Settings of dry-run (paper) trading (<see cref="ServiceProfiles.DryRunTrading"/>, prefix <c>DRY_RUN_TRADING_</c>).</summary>
public sealed record DryRunTradingSettings : TradingSettings, ISettings<DryRunTradingSettings>
{
    private DryRunTradingSettings(SettingValues values)
        : base(values)
    {
    }

    public static SettingsSchema<DryRunTradingSettings> Schema { get; } = SchemaOf(ServiceProfiles.DryRunTrading, v => new DryRunTradingSettings(v));
}
