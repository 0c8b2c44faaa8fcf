using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Settings.Sources;

namespace TradAI.Settings.Aws;

/// <summary>
/// Reads an <c>s3://bucket/key</c> S3_CONFIG through <see cref="AwsClientFactory"/>. Credentials, region, profile and
/// endpoint come from the load's own variables (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>[/<c>AWS_SESSION_TOKEN</c>],
/// <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>, <c>AWS_PROFILE</c>, <c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>),
/// then the SDK's chain; <see cref="Overlay"/> wins over both.
/// </summary>
/// <param name="overlay">Options laid over those from the variables (an emulator endpoint, explicit credentials).</param>
public sealed class S3SettingsDocumentReader(AwsClientOptions? overlay = null) : IRemoteSettingsDocumentReader
{
    /// <summary>Options laid over those from the variables.</summary>
    public AwsClientOptions? Overlay { get; } = overlay;

    public bool CanRead(string location) => location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    public async Task<byte[]> ReadAsync(string location, string bucket, string key, IReadOnlyDictionary<string, string> environment, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var shown = InputSanitizer.Sanitize(location);
        using var client = new AwsClientFactory(OptionsFrom(environment)).CreateS3();
        try
        {
            using var response = await client.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            if (response.ContentLength > maxBytes)
            {
                throw TooLarge(shown, maxBytes);
            }

            // At most one byte past the limit is read: a wrong Content-Length cannot make this unbounded.
            return (await Utf8Input.ReadBytesAsync(response.ResponseStream, (int)Math.Min(maxBytes, int.MaxValue - 1), location, cancellationToken).ConfigureAwait(false)).ToArray();
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

    /// <summary>Client options from the load's variables, overlaid with <see cref="Overlay"/>.</summary>
    internal AwsClientOptions OptionsFrom(IReadOnlyDictionary<string, string> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        AWSCredentials? credentials = null;
        if (Get("AWS_ACCESS_KEY_ID") is { } id && Get("AWS_SECRET_ACCESS_KEY") is { } secret)
        {
            credentials = Get("AWS_SESSION_TOKEN") is { } token ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret);
        }

        var fromEnv = new AwsClientOptions
        {
            Region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION"),
            Profile = Get("AWS_PROFILE"),
            EndpointUrl = Get("AWS_ENDPOINT_URL_S3") ?? Get("AWS_ENDPOINT_URL"),
            Credentials = credentials,
        };
        return Overlay is null ? fromEnv : fromEnv.OverlayWith(Overlay);
    }

    private static ConfigValidationException TooLarge(string shown, long maxBytes) =>
        new("S3_CONFIG", $"{shown} is larger than the {maxBytes:N0}-byte limit");
}
