using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Aws.Storage;

/// <summary>
/// Turns what the S3 SDK throws into the typed errors of Core: a missing key is <see cref="NotFoundException"/>;
/// access denied, throttling, a missing bucket and network failures are <see cref="ExternalServiceException"/>.
/// Messages name the operation and the (sanitized) location, never the SDK's raw text alone.
/// </summary>
internal static class S3ErrorMapper
{
    public const string Service = "s3";

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled",
        "RequestLimitExceeded", "TooManyRequestsException", "ServiceUnavailable",
    };

    /// <summary>Whether the SDK says the object is absent (GET answers NoSuchKey, HEAD a bare 404).</summary>
    public static bool IsMissingKey(AmazonS3Exception ex) =>
        ex.ErrorCode is "NoSuchKey" or "NotFound" || (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode is not "NoSuchBucket");

    /// <summary>Maps <paramref name="ex"/> raised while doing <paramref name="operation"/> on <paramref name="location"/>.</summary>
    /// <returns>The typed error to throw, or null when <paramref name="ex"/> is not an S3/network failure.</returns>
    public static TradaiException? Map(Exception ex, string operation, string location, string configName, CancellationToken cancellationToken)
    {
        var where = InputSanitizer.Sanitize(location, 300);
        switch (ex)
        {
            case AmazonS3Exception s3 when IsMissingKey(s3):
                return new NotFoundException($"Config '{InputSanitizer.Sanitize(configName)}' not found ({where})", ex);
            case AmazonS3Exception s3 when s3.ErrorCode == "NoSuchBucket":
                return Fail($"Cannot {operation} {where}: the bucket does not exist (check TRADAI_S3_BUCKET / --bucket and the region)", s3);
            case AmazonServiceException svc when svc.ErrorCode is "AccessDenied" or "AllAccessDisabled" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken"
                                              || svc.StatusCode == HttpStatusCode.Forbidden:
                return Fail($"Access denied: cannot {operation} {where} ({Code(svc)}); check the credentials and the bucket policy", svc);
            case AmazonServiceException svc when ThrottlingCodes.Contains(svc.ErrorCode ?? string.Empty)
                                              || svc.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests:
                return Fail($"S3 is throttling requests: cannot {operation} {where} ({Code(svc)}); retry later", svc);
            case AmazonServiceException svc when svc.InnerException is HttpRequestException or IOException or TimeoutException:
                return Network(operation, where, svc);
            case AmazonServiceException svc:
                return Fail($"S3 failed to {operation} {where}: {Code(svc)} (HTTP {(int)svc.StatusCode})", svc);
            case HttpRequestException or IOException or TimeoutException or AmazonClientException:
                return Network(operation, where, ex);
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                return Fail($"S3 did not answer in time: cannot {operation} {where}", ex);
            default:
                return null;
        }
    }

    private static string Code(AmazonServiceException ex) => InputSanitizer.Sanitize(string.IsNullOrEmpty(ex.ErrorCode) ? ex.StatusCode.ToString() : ex.ErrorCode, 80);

    private static ExternalServiceException Network(string operation, string where, Exception ex) =>
        new(Service, $"Cannot reach S3 to {operation} {where}: {InputSanitizer.Sanitize((ex.InnerException ?? ex).Message, 160)}", ex)
        {
            ErrorCode = "NetworkError",
        };

    private static ExternalServiceException Fail(string message, Exception ex) =>
        new(Service, message, ex) { ErrorCode = (ex as AmazonServiceException)?.ErrorCode };
}
