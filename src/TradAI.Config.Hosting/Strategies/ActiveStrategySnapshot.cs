using TradAI.Config.Core.Strategies;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>
/// One applied version of a strategy: the validated config together with the version it came from. Swapped as a
/// whole, so the config id and the config a reader sees always belong together.
/// </summary>
/// <param name="StrategyName">The strategy (the version store's partition key).</param>
/// <param name="ConfigId">The version applied, <c>v{N}-{hash[:8]}</c>.</param>
/// <param name="VersionNumber">Its sequential number.</param>
/// <param name="ConfigHash">SHA-256 of its stored content.</param>
/// <param name="Config">The content with the configured overrides applied, resolved and validated.</param>
/// <param name="AppliedAt">When this process applied it.</param>
public sealed record ActiveStrategySnapshot(
    string StrategyName,
    string ConfigId,
    int VersionNumber,
    string ConfigHash,
    StrategyConfig Config,
    DateTimeOffset AppliedAt);
