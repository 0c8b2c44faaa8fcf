using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;

namespace TradAI.Config.Aws.Secrets;

/// <summary>
/// A thin AWS Secrets Manager client speaking the service's JSON 1.1 protocol (AWSSDK.SecretsManager is not available):
/// <c>POST /</c> with <c>X-Amz-Target: secretsmanager.{Operation}</c>, <c>Content-Type: application/x-amz-json-1.1</c>,
/// signed with SigV4 using the credentials and region of <see cref="AwsClientFactory"/>. Service errors become the
/// SPEC §5.2 <see cref="ExternalServiceException"/>s; secret values never appear in messages.
/// </summary>
public sealed class SecretsManagerClient : IDisposable
{
    /// <summary>The signing name and error <c>Service</c> of Secrets Manager.</summary>
    public const string ServiceName = "secretsmanager";

    private const string ContentType = "application/x-amz-json-1.1";
    private const int MaxRetries = 2;

    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _clock;

    /// <param name="factory">Region, endpoint override and credentials.</param>
    /// <param name="handler">HTTP handler (tests, proxies); a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    /// <param name="clock">Signing clock; <see cref="TimeProvider.System"/> when null.</param>
    public SecretsManagerClient(AwsClientFactory factory, HttpMessageHandler? handler = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Region = factory.ResolveRegionName();
        Endpoint = factory.Options.EndpointUrl is { } url
            ? new Uri(url.TrimEnd('/') + "/")
            : new Uri($"https://secretsmanager.{Region}.{(Region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com")}/");
        _credentials = factory.ResolveCredentials();
        _clock = clock ?? TimeProvider.System;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    /// <summary>The signing region.</summary>
    public string Region { get; }

    /// <summary>Where requests go.</summary>
    public Uri Endpoint { get; }

    /// <summary>GetSecretValue: the secret's current (or <paramref name="versionStage"/>) value.</summary>
    public async Task<SecretValueResult> GetSecretValueAsync(string secretId, string? versionStage = null, CancellationToken cancellationToken = default)
    {
        using var doc = await InvokeAsync("GetSecretValue", secretId, w =>
        {
            w.WriteString("SecretId", secretId);
            if (versionStage is not null)
            {
                w.WriteString("VersionStage", versionStage);
            }
        }, cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        return new SecretValueResult(
            Str(root, "Name") ?? secretId,
            Str(root, "ARN"),
            Str(root, "VersionId"),
            Str(root, "SecretString"),
            root.TryGetProperty("SecretBinary", out var binary) && binary.ValueKind == JsonValueKind.String);
    }

    /// <summary>DescribeSecret: metadata including rotation (SPEC §5.3); never the value.</summary>
    public async Task<SecretRotationStatus> DescribeSecretAsync(string secretId, CancellationToken cancellationToken = default)
    {
        using var doc = await InvokeAsync("DescribeSecret", secretId, w => w.WriteString("SecretId", secretId), cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        int? interval = root.TryGetProperty("RotationRules", out var rules) && rules.ValueKind == JsonValueKind.Object
            && rules.TryGetProperty("AutomaticallyAfterDays", out var days) && days.TryGetInt32(out var d) ? d : null;
        return new SecretRotationStatus(
            Str(root, "Name") ?? secretId,
            root.TryGetProperty("RotationEnabled", out var enabled) && enabled.ValueKind == JsonValueKind.True,
            Str(root, "RotationLambdaARN") is { Length: > 0 } function ? function : null, // "" names no function: null, as for managed rotation
            interval,
            Timestamp(root, "LastRotatedDate"),
            Timestamp(root, "NextRotationDate"));
    }

    /// <summary>CreateSecret with a string value (seeding test data and bootstrap scripts). Returns the ARN.</summary>
    public async Task<string?> CreateSecretAsync(string name, string secretString, string? description = null, CancellationToken cancellationToken = default)
    {
        using var doc = await InvokeAsync("CreateSecret", name, w =>
        {
            w.WriteString("Name", name);
            w.WriteString("SecretString", secretString);
            w.WriteString("ClientRequestToken", Guid.NewGuid().ToString());
            if (description is not null)
            {
                w.WriteString("Description", description);
            }
        }, cancellationToken).ConfigureAwait(false);
        return Str(doc.RootElement, "ARN");
    }

    /// <summary>PutSecretValue: stores a new current version (what a rotation does). Returns the new version id.</summary>
    public async Task<string?> PutSecretValueAsync(string secretId, string secretString, CancellationToken cancellationToken = default)
    {
        using var doc = await InvokeAsync("PutSecretValue", secretId, w =>
        {
            w.WriteString("SecretId", secretId);
            w.WriteString("SecretString", secretString);
            w.WriteString("ClientRequestToken", Guid.NewGuid().ToString());
        }, cancellationToken).ConfigureAwait(false);
        return Str(doc.RootElement, "VersionId");
    }

    public void Dispose() => _http.Dispose();

    public override string ToString() => $"SecretsManagerClient({Endpoint}, {Region})";

    private async Task<JsonDocument> InvokeAsync(string operation, string secretId, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken)
    {
        SecretErrors.ValidateName(secretId);
        var body = Body(writeBody);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = await BuildRequestAsync(operation, body, cancellationToken).ConfigureAwait(false);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return ParseResponse(text, operation, secretId);
                }

                var (code, message) = ParseError(text, response.StatusCode);
                if (attempt < MaxRetries && IsRetryable(code, response.StatusCode))
                {
                    await Task.Delay(Backoff(attempt), _clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw MapError(code, message, response.StatusCode, operation, secretId);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt < MaxRetries)
                {
                    await Task.Delay(Backoff(attempt), _clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new ExternalServiceException(
                    ServiceName,
                    $"Cannot reach Secrets Manager at {Endpoint.GetLeftPart(UriPartial.Authority)} for {operation} of {InputSanitizer.Sanitize(secretId)}: {InputSanitizer.Sanitize(ex.Message, 160)}",
                    ex)
                {
                    ErrorCode = "NetworkError",
                };
            }
        }
    }

    private async Task<HttpRequestMessage> BuildRequestAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        ImmutableCredentials credentials;
        try
        {
            credentials = await _credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw new ExternalServiceException(ServiceName, "No usable AWS credentials for Secrets Manager (check AWS_PROFILE or the role)", ex);
        }

        var target = "secretsmanager." + operation;
        var signed = SigV4Signer.Sign(
            "POST",
            Endpoint,
            [new("Content-Type", ContentType), new("X-Amz-Target", target)],
            body,
            credentials,
            Region,
            ServiceName,
            _clock.GetUtcNow().UtcDateTime);

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static byte[] Body(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static JsonDocument ParseResponse(string text, string operation, string secretId)
    {
        try
        {
            return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        }
        catch (JsonException)
        {
            // The response may contain the secret: never quote it.
            throw new ExternalServiceException(ServiceName, $"Secrets Manager sent a malformed {operation} response for {InputSanitizer.Sanitize(secretId)}");
        }
    }

    /// <summary>Reads <c>{"__type": "...#Code", "message": "..."}</c>; the code is the part after <c>#</c> and before <c>:</c>.</summary>
    internal static (string Code, string? Message) ParseError(string text, HttpStatusCode status)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var type = Str(doc.RootElement, "__type") ?? Str(doc.RootElement, "code") ?? string.Empty;
            var hash = type.LastIndexOf('#');
            if (hash >= 0)
            {
                type = type[(hash + 1)..];
            }

            var colon = type.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                type = type[..colon];
            }

            var message = Str(doc.RootElement, "message") ?? Str(doc.RootElement, "Message");
            return (type.Length == 0 ? $"HTTP{(int)status}" : type, message);
        }
        catch (JsonException)
        {
            return ($"HTTP{(int)status}", null);
        }
    }

    private static ExternalServiceException MapError(string code, string? message, HttpStatusCode status, string operation, string secretId) => code switch
    {
        "ResourceNotFoundException" => SecretErrors.NotFound(ServiceName, secretId),
        "AccessDeniedException" => SecretErrors.AccessDenied(ServiceName, secretId),
        "InvalidRequestException" => SecretErrors.InvalidRequest(ServiceName, secretId, message),
        "InvalidParameterException" => new ExternalServiceException(ServiceName, SecretErrors.InvalidRequest(ServiceName, secretId, message).Message) { ErrorCode = code },
        "UnrecognizedClientException" or "InvalidSignatureException" or "IncompleteSignature" or "MissingAuthenticationToken" or "ExpiredTokenException" =>
            new ExternalServiceException(ServiceName, $"Secrets Manager rejected the credentials for {operation} of {InputSanitizer.Sanitize(secretId)} ({code})") { ErrorCode = code },
        "DecryptionFailure" =>
            new ExternalServiceException(ServiceName, $"Secrets Manager cannot decrypt {InputSanitizer.Sanitize(secretId)} with its KMS key (DecryptionFailure)") { ErrorCode = code },
        "ResourceExistsException" =>
            new ExternalServiceException(ServiceName, $"Secret already exists: {InputSanitizer.Sanitize(secretId)}") { ErrorCode = code },
        _ => new ExternalServiceException(
            ServiceName,
            $"Secrets Manager {operation} failed for {InputSanitizer.Sanitize(secretId)}: {InputSanitizer.Sanitize(code, 80)} (HTTP {(int)status})")
        {
            ErrorCode = code,
        },
    };

    private static bool IsRetryable(string code, HttpStatusCode status) =>
        code is "ThrottlingException" or "InternalServiceError" or "TooManyRequestsException" || (int)status >= 500;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(100 * (1 << attempt));

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>AWS JSON protocols send timestamps as epoch seconds (a number, possibly fractional).</summary>
    private static DateTimeOffset? Timestamp(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        return v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }
}

/// <summary>What GetSecretValue returned. <see cref="ToString"/> hides the value.</summary>
public sealed record SecretValueResult(string Name, string? Arn, string? VersionId, string? SecretString, bool IsBinary)
{
    public override string ToString() => $"SecretValueResult({Name}, version {VersionId}, value ***)";
}
