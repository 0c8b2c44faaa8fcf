using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Repositories;

/// <summary>A config as read from a store, with the entity tag a conditional write compares against.</summary>
/// <param name="Config">The parsed document.</param>
/// <param name="ETag">
/// Opaque to callers: identifies exactly the stored bytes that were read (S3's ETag, a content fingerprint in the folder
/// store). Pass it back through <see cref="WriteCondition.IfMatch"/>.
/// </param>
public sealed record StoredConfig(ConfigMapping Config, string ETag);
