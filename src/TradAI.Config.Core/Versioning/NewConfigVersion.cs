using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// What <see cref="IConfigVersionRepository.CreateAsync"/> needs to create a version: content already hashed and
/// canonicalized by the service, who and when, and whether to activate it in the same atomic step (rollback).
/// </summary>
/// <param name="StrategyName">Validated strategy name.</param>
/// <param name="ConfigData">The content.</param>
/// <param name="ConfigHash">SHA-256 of <paramref name="CanonicalJson"/>.</param>
/// <param name="CanonicalJson">RFC 8785 form of the content, for stores that keep it as text.</param>
/// <param name="CreatedBy">Validated creator; with <paramref name="Activate"/> also the deployer (<c>deployed_by</c>).</param>
/// <param name="CreatedAt">Creation time (also the activation time when <paramref name="Activate"/>).</param>
/// <param name="Activate">Activate the version (new or deduplicated draft) and deprecate the previous active one atomically.</param>
/// <param name="ExpectedActive">With <paramref name="Activate"/>: the active version the caller saw, checked in the same atomic step; null for no check.</param>
public sealed record NewConfigVersion(
    string StrategyName,
    ConfigMapping ConfigData,
    string ConfigHash,
    string CanonicalJson,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool Activate = false,
    ActivePrecondition? ExpectedActive = null);
