using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Sources;

/// <summary>
/// Reads the YAML document named by <c>S3_CONFIG</c> (the spec's <c>prepare_config</c>): a local path
/// (relative to the base directory, or <c>file://</c>) or <c>s3://bucket/key.yaml</c> through <see cref="AwsClientFactory"/>.
/// </summary>
public static class S3ConfigReader
{
    /// <summary>Reads and parses the document.</summary>
    /// <exception cref="NotFoundException">The file or object does not exist.</exception>
    /// <exception cref="ConfigValidationException">The location or the YAML is malformed.</exception>
    /// <exception cref="ExternalServiceException">S3 or the file system failed.</exception>
    public static async Task<ConfigMapping> ReadAsync(string location, string baseDirectory, AwsClientOptions aws, CancellationToken cancellationToken = default)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var (bucket, key) = ParseS3Url(location);
            return await ReadS3Async(location, bucket, key, aws, cancellationToken).ConfigureAwait(false);
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

    private static async Task<ConfigMapping> ReadS3Async(string location, string bucket, string key, AwsClientOptions aws, CancellationToken cancellationToken)
    {
        var shown = InputSanitizer.Sanitize(location);
        using var client = new AwsClientFactory(aws).CreateS3();
        try
        {
            using var response = await client.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            var limit = YamlReadOptions.Default.MaxDocumentBytes;
            if (response.ContentLength > limit)
            {
                throw new ConfigValidationException("S3_CONFIG", $"{shown} is larger than the {limit:N0}-byte limit");
            }

            // Bounded and strict: a body that lies about its length or is not UTF-8 is refused, not replaced with U+FFFD.
            var text = await Utf8Input.ReadAsync(response.ResponseStream, limit, location, cancellationToken).ConfigureAwait(false);
            return YamlConfigReader.ParseMapping(text, location);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.ErrorCode is "NoSuchKey" or "NoSuchBucket")
        {
            throw new NotFoundException($"S3_CONFIG {shown} does not exist ({ex.ErrorCode ?? "404"})", ex);
        }
        catch (AmazonServiceException ex)
        {
            throw new ExternalServiceException("s3", $"Could not read S3_CONFIG {shown}: {ex.ErrorCode ?? ex.StatusCode.ToString()}", ex) { ErrorCode = ex.ErrorCode };
        }
        catch (AmazonClientException ex)
        {
            throw new ExternalServiceException("s3", $"Could not reach S3 to read S3_CONFIG {shown}: {ex.GetType().Name}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ExternalServiceException("s3", $"Could not reach S3 to read S3_CONFIG {shown}: {ex.HttpRequestError}", ex);
        }
    }
}
