namespace TradAI.Settings.Sources;

/// <summary>
/// Fetches a remote <c>S3_CONFIG</c> document (<c>s3://bucket/key.yaml</c>) for the settings loader. TradAI.Settings
/// itself carries no AWS SDK, so a service that only reads its environment does not either; a service whose
/// <c>S3_CONFIG</c> lives in S3 adds TradAI.Settings.Aws and loads with <c>options.WithS3()</c>.
/// </summary>
public interface IRemoteSettingsDocumentReader
{
    /// <summary>Whether this reader fetches <paramref name="location"/> (by its scheme).</summary>
    bool CanRead(string location);

    /// <summary>The document's bytes, refusing anything larger than <paramref name="maxBytes"/>.</summary>
    /// <param name="location">The URL, already checked to be <c>s3://bucket/key</c>.</param>
    /// <param name="bucket">The bucket part of <paramref name="location"/>.</param>
    /// <param name="key">The key part of <paramref name="location"/>.</param>
    /// <param name="environment">The variables of this load (injected or the process's, names case-insensitive), for credentials, region and endpoint.</param>
    /// <param name="maxBytes">Size limit of a settings document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="Config.Core.Errors.NotFoundException">The object or bucket does not exist.</exception>
    /// <exception cref="Config.Core.Errors.ConfigValidationException">The document is larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="Config.Core.Errors.ExternalServiceException">The store could not be reached or refused.</exception>
    Task<byte[]> ReadAsync(string location, string bucket, string key, IReadOnlyDictionary<string, string> environment, long maxBytes, CancellationToken cancellationToken);
}
