using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Exposes a strategy's active config through <see cref="IConfiguration"/>.</summary>
public static class TradaiStrategyConfigurationExtensions
{
    /// <summary>The section a strategy's values appear under: <c>TradAI:Strategies:{name}</c>.</summary>
    public static string SectionFor(string strategyName) => "TradAI:Strategies:" + strategyName;

    /// <summary>
    /// Adds the active config of <paramref name="strategyName"/> under <c>TradAI:Strategies:{name}:…</c>
    /// (<c>TradAI:Strategies:momentum-btc:timeframe</c>, <c>…:pairs:0</c>), with a reload token that fires on every
    /// applied activation. The values come from the refresher of <c>AddTradaiConfig().AddActiveStrategyConfig(name)</c>,
    /// which must be registered too (the host refuses to start otherwise); they appear when the host starts.
    /// </summary>
    public static IConfigurationBuilder AddTradaiStrategy(this IConfigurationBuilder builder, string strategyName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StrategyNames.Validate(strategyName);
        return builder.Add(new TradaiStrategyConfigurationSource(strategyName));
    }
}
