namespace TradAI.Infra.Model;

/// <summary>The periodic Lambdas and their EventBridge schedule expressions.</summary>
public sealed record SchedulesConfig(IReadOnlyList<LambdaScheduleConfig> Lambdas)
{
    /// <summary>A scheduled Lambda by key (<c>drift-monitor</c>).</summary>
    public LambdaScheduleConfig Lambda(string key) =>
        Lambdas.FirstOrDefault(l => l.Key == key) ?? throw new KeyNotFoundException($"no scheduled lambda '{key}'");
}

/// <summary>One scheduled Lambda: its function and rule names, schedule, size, and the context key that overrides the schedule.</summary>
public sealed record LambdaScheduleConfig(
    string Key,
    string FunctionName,
    string RuleName,
    string Expression,
    string ContextKey,
    int MemoryMb,
    int TimeoutSeconds);
