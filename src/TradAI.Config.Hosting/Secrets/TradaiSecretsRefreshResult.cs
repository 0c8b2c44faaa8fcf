namespace TradAI.Config.Hosting.Secrets;

/// <summary>What one re-read of the mapped secrets did. Names and reasons only, never a value.</summary>
/// <param name="Changed">Secrets whose new values were applied to configuration.</param>
/// <param name="Failures">Secrets that could not be read, with why; their last good values stay in configuration.</param>
public sealed record TradaiSecretsRefreshResult(IReadOnlyList<string> Changed, IReadOnlyDictionary<string, string> Failures);
