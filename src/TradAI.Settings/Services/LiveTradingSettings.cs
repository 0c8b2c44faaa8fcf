using TradAI.Deployment.Profiles;
using TradAI.Settings.Loading;

namespace TradAI.Settings.Services;

/// <summary>Settings of live trading (<see cref="ServiceProfiles.LiveTrading"/>, prefix <c>LIVE_TRADING_</c>).</summary>
public sealed record LiveTradingSettings : TradingSettings, ISettings<LiveTradingSettings>
{
    private LiveTradingSettings(SettingValues values)
        : base(values)
    {
    }

    public static SettingsSchema<LiveTradingSettings> Schema { get; } = SchemaOf(ServiceProfiles.LiveTrading, v => new LiveTradingSettings(v));
}
