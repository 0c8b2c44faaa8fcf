namespace TradAI.Infra.Model;

/// <summary>One scheduled Lambda: its function and rule names, schedule, size, and the context key that overrides the schedule.</summary>
public sealed record LambdaScheduleConfig(
    string Key,
    string FunctionName,
    string RuleName,
    string Expression,
    string ContextKey,
    int MemoryMb,
    int TimeoutSeconds);
