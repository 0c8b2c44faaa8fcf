using Microsoft.Extensions.Options;
using TradAI.Config.Core.Strategies;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// <c>IOptions&lt;StrategyConfig&gt;</c> and <c>IOptionsSnapshot&lt;StrategyConfig&gt;</c> take the served config of the
/// named strategy (the default name is the first registered); <see cref="StrategyConfig"/> is immutable and has no
/// parameterless constructor, so the default factory cannot build it.
/// </summary>
internal sealed class ActiveStrategyOptionsFactory(ActiveStrategyRefresherHub hub) : IOptionsFactory<StrategyConfig>
{
    public StrategyConfig Create(string name) => hub.Get(name).CurrentConfig;
}
