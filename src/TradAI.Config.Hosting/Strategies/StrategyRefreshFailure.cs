using TradAI.Config.Core.Errors;

namespace TradAI.Config.Hosting.Strategies;

/// <summary>Why a refresh did not apply anything. Safe to log and print: no secret values, user input sanitized.</summary>
/// <param name="Kind">The category: store unreachable (external service), no active version (not found), invalid content (validation)…</param>
/// <param name="Reason">What failed, in one message.</param>
/// <param name="ConfigId">The version that was refused, when the failure is about one (invalid content); null otherwise.</param>
/// <param name="At">When the attempt was made.</param>
public sealed record StrategyRefreshFailure(ErrorKind Kind, string Reason, string? ConfigId, DateTimeOffset At);
