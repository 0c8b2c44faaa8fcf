using Microsoft.Extensions.Configuration;
using TradAI.Config.Core.Strategies;

namespace TradAI.Config.Hosting.Configuration;

/// <summary>
/// Mirrors one strategy's applied config under <c>TradAI:Strategies:{name}</c>. It loads nothing itself: the
/// strategy's refresher hands it each new version (so <see cref="IConfiguration"/> readers follow activations through
/// the reload token, on the same schedule as the options), and a configuration reload keeps what it holds.
/// </summary>
internal sealed class TradaiStrategyConfigurationProvider(string strategyName) : ConfigurationProvider
{
    public string StrategyName { get; } = strategyName;

    /// <summary>The section the values appear under.</summary>
    public string Section { get; } = TradaiStrategyConfigurationExtensions.SectionFor(strategyName);

    public override void Load()
    {
        // Values arrive from the refresher; nothing to read here, and a reload must not drop them.
    }

    /// <summary>Replaces every value at once (readers see the old or the new dictionary, never a mix) and signals a reload.</summary>
    public void Apply(StrategyConfig config)
    {
        Data = ConfigurationFlattener.Flatten(config.Document, Section);
        OnReload();
    }

    public override string ToString() => $"TradaiStrategyConfigurationProvider({StrategyName})";
}
