using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Sources;

/// <summary>
/// Reads the YAML document named by <c>S3_CONFIG</c> (the spec's <c>prepare_config</c>): a local path
/// (relative to the base directory, or <c>file://</c>) or <c>s3://bucket/key.yaml</c> through an
/// <see cref="IRemoteSettingsDocumentReader"/> (TradAI.Settings.Aws provides the S3 one).
/// </summary>
public static class S3ConfigReader
{
    /// <summary>Reads and parses the document.</summary>
    /// <param name="location">The S3_CONFIG value.</param>
    /// <param name="baseDirectory">Where a relative path resolves.</param>
    /// <param name="remote">Reads <c>s3://</c> locations; null when none is configured.</param>
    /// <param name="environment">The load's variables, handed to <paramref name="remote"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="NotFoundException">The file or object does not exist.</exception>
    /// <exception cref="ConfigValidationException">The location or the YAML is malformed, or an s3:// location has no reader.</exception>
    /// <exception cref="ExternalServiceException">S3 or the file system failed.</exception>
    public static async Task<ConfigMapping> ReadAsync(
        string location, string baseDirectory, IRemoteSettingsDocumentReader? remote, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var (bucket, key) = ParseS3Url(location);
            if (remote is null || !remote.CanRead(location))
            {
                throw new ConfigValidationException("S3_CONFIG",
                    $"'{InputSanitizer.Sanitize(location)}' is in S3, but no S3 reader is configured: reference TradAI.Settings.Aws and load with options.WithS3()");
            }

            var limit = YamlReadOptions.Default.MaxDocumentBytes;
            var bytes = await remote.ReadAsync(location, bucket, key, environment, limit, cancellationToken).ConfigureAwait(false);
            // Strict: a body that is not UTF-8 is refused, not replaced with U+FFFD.
            return YamlConfigReader.ParseMapping(Utf8Input.Decode(bytes, location), location);
        }

        var path = location.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? location[7..] : location;
        return await YamlConfigReader.ReadFileAsync(Path.GetFullPath(path, baseDirectory), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Splits <c>s3://bucket/key</c>, checking the bucket name and that a key is present.</summary>
    public static (string Bucket, string Key) ParseS3Url(string url)
    {
        var rest = url[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            throw new ConfigValidationException("S3_CONFIG", $"'{InputSanitizer.Sanitize(url)}' is not s3://bucket/key");
        }

        var bucket = rest[..slash];
        if (SettingValidators.S3BucketName(bucket) is { } error)
        {
            throw new ConfigValidationException("S3_CONFIG", $"bucket '{InputSanitizer.Sanitize(bucket)}' {error}");
        }

        return (bucket, rest[(slash + 1)..]);
    }
}
