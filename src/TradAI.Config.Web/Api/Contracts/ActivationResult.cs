namespace TradAI.Config.Web.Api.Contracts;

/// <summary>The answer to an activation or a rollback: what became active and what the same atomic step deprecated.</summary>
/// <param name="Activated">The version active now.</param>
/// <param name="Deprecated">The previously active version, now deprecated; null when none was active (or nothing changed).</param>
/// <param name="Created">Rollback only: whether a new version was created for the content.</param>
public sealed record ActivationResult(VersionItem Activated, VersionItem? Deprecated, bool? Created = null);
