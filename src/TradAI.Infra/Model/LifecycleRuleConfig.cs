namespace TradAI.Infra.Model;

/// <summary>One lifecycle rule: move to Glacier and/or expire after a number of days.</summary>
public sealed record LifecycleRuleConfig(string Id, int? TransitionToGlacierAfterDays, int? ExpireAfterDays);
