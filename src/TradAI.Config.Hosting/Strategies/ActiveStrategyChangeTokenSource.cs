using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TradAI.Config.Core.Strategies;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>The options change signal of one strategy: fires after each new version is swapped in.</summary>
internal sealed class ActiveStrategyChangeTokenSource(string strategyName, ActiveStrategyRefresherHub hub) : IOptionsChangeTokenSource<StrategyConfig>
{
    public string Name { get; } = strategyName;

    public IChangeToken GetChangeToken() => hub.Get(Name).GetChangeToken();
}
