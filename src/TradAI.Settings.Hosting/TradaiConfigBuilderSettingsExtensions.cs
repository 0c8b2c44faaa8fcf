using System.Diagnostics.CodeAnalysis;
using TradAI.Config.Hosting.Registration;
using TradAI.Settings.Hosting;
using TradAI.Settings.Loading;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Service settings beside the config registration, so a service starts from one chain:
/// <c>services.AddTradaiConfig().UseLocal().AddActiveStrategyConfig("momentum-btc").AddSettings&lt;StrategyServiceSettings&gt;()</c>.
/// </summary>
public static class TradaiConfigBuilderSettingsExtensions
{
    /// <summary>The same registration as <see cref="TradaiSettingsServiceCollectionExtensions.AddTradaiSettings{T}"/> (validated on start), chained.</summary>
    public static TradaiConfigBuilder AddSettings<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        this TradaiConfigBuilder builder,
        Action<TradaiSettingsOptions>? configure = null)
        where T : class, ISettings<T>
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = builder.Services.AddTradaiSettings<T>(configure);
        return builder;
    }
}
