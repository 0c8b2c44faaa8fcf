namespace TradAI.Config.Hosting.Secrets;

/// <summary>
/// Re-reads the secrets mapped into configuration with <c>AddTradaiSecrets</c>. It runs by itself on the secret cache's
/// time-to-live; call it after a rotation you know of (or an authentication failure) to pick the new value up at once.
/// </summary>
public interface ITradaiSecretsRefresher
{
    /// <summary>Reads every mapped secret from the store now (bypassing the cache) and reloads configuration if any changed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TradaiSecretsRefreshResult> RefreshNowAsync(CancellationToken cancellationToken = default);
}
