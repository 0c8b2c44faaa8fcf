using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>One S3 bucket and its lifecycle.</summary>
/// <param name="Key">Stable key the code refers to (<c>configs</c>).</param>
/// <param name="Name">Bucket name (<c>tradai-configs-dev</c>).</param>
/// <param name="Versioned">Whether object versioning is on (config files are).</param>
/// <param name="Lifecycle">Lifecycle rules (§8: results to Glacier after 30 days, logs deleted after 90).</param>
public sealed record BucketConfig(string Key, string Name, bool Versioned, ValueList<LifecycleRuleConfig> Lifecycle);
