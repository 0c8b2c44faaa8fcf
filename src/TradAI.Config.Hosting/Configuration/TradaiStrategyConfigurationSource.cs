using Microsoft.Extensions.Configuration;

namespace TradAI.Config.Hosting.Configuration;

/// <summary>The source behind <c>AddTradaiStrategy</c>: one strategy, fed by the host's refresher.</summary>
internal sealed class TradaiStrategyConfigurationSource(string strategyName) : IConfigurationSource
{
    public string StrategyName { get; } = strategyName;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new TradaiStrategyConfigurationProvider(StrategyName);
}
