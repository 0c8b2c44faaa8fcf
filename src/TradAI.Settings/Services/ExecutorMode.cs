namespace TradAI.Settings.Services;

/// <summary>How the backend runs backtests: in-process (dev only), as ECS tasks, or through a Step Functions state machine.</summary>
public enum ExecutorMode
{
    Local,
    Ecs,
    StepFunctions,
}

/// <summary>Spellings of <see cref="ExecutorMode"/>.</summary>
public static class ExecutorModes
{
    public static IReadOnlyDictionary<string, ExecutorMode> Spellings { get; } = new Dictionary<string, ExecutorMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["local"] = ExecutorMode.Local,
        ["ecs"] = ExecutorMode.Ecs,
        ["stepfunctions"] = ExecutorMode.StepFunctions,
        ["step_functions"] = ExecutorMode.StepFunctions,
    };

    public static string ToName(this ExecutorMode mode) => mode switch
    {
        ExecutorMode.Ecs => "ecs",
        ExecutorMode.StepFunctions => "stepfunctions",
        _ => "local",
    };
}
