namespace TradAI.Config.Core.Versioning;

/// <summary>The outcome of a create or activation: the version as stored now, and what else the same atomic step changed.</summary>
/// <param name="Version">The created, deduplicated or activated version, after the write.</param>
/// <param name="Created">False when an existing draft/active version with the same content was returned (dedup).</param>
/// <param name="Deprecated">The previously active version, as deprecated by this step; null when none was active.</param>
public sealed record ConfigVersionWrite(ConfigVersion Version, bool Created, ConfigVersion? Deprecated = null);
