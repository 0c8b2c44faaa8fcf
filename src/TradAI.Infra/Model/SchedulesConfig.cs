using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>The periodic Lambdas and their EventBridge schedule expressions.</summary>
public sealed record SchedulesConfig(ValueList<LambdaScheduleConfig> Lambdas)
{
    /// <summary>A scheduled Lambda by key (<c>drift-monitor</c>).</summary>
    public LambdaScheduleConfig Lambda(string key) =>
        Lambdas.FirstOrDefault(l => l.Key == key) ?? throw new KeyNotFoundException($"no scheduled lambda '{key}'");
}
