using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradAI.Config.Testing.Http;

namespace TradAI.Config.Testing.Fakes;

/// <summary>
/// A loopback Secrets Manager that follows the public API reference: JSON 1.1 over <c>POST /</c>, the operation in
/// <c>X-Amz-Target</c>, errors as HTTP 400 with <c>{"__type": "...", "message": "..."}</c>, timestamps as epoch seconds.
/// It verifies every request's SigV4 signature with its own HMAC code (independent of the client's signer) and answers
/// <c>InvalidSignatureException</c> / <c>UnrecognizedClientException</c> like AWS when it does not match.
/// </summary>
public sealed class FakeSecretsManager : IAsyncDisposable
{
    public const string AccessKey = "AKIDFAKESECRETS";
    public const string SecretKey = "fake/secret/key+for+signing";
    public const string Region = "eu-west-1";

    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, Secret> _secrets = new(StringComparer.Ordinal);

    public FakeSecretsManager() => _server = new LoopbackHttpServer(Handle);

    public string Endpoint => _server.Endpoint;

    public int RequestCount => _server.RequestCount;

    /// <summary>Names whose reads the (fake) IAM policy denies.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    /// <summary>Every operation seen, in order, with whether its signature verified.</summary>
    public ConcurrentQueue<(string Operation, bool SignatureValid)> Log { get; } = new();

    /// <summary>Stores a secret directly (for values the API would refuse to create, such as binary-only).</summary>
    public void Seed(string name, string? secretString, bool binary = false) =>
        _secrets[name] = new Secret(name, $"arn:aws:secretsmanager:{Region}:123456789012:secret:{name}-AbCdEf", secretString, binary, Guid.NewGuid().ToString());

    public void SetRotation(string name, bool enabled, string? lambdaArn, int? days, DateTimeOffset? last, DateTimeOffset? next) =>
        _secrets[name] = _secrets[name] with { RotationEnabled = enabled, LambdaArn = lambdaArn, Days = days, LastRotated = last, NextRotation = next };

    public void MarkDeleted(string name) => _secrets[name] = _secrets[name] with { Deleted = true };

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        var target = request.Header("X-Amz-Target") ?? string.Empty;
        var operation = target.StartsWith("secretsmanager.", StringComparison.Ordinal) ? target["secretsmanager.".Length..] : target;
        if (request.Method != "POST" || request.Url.AbsolutePath != "/")
        {
            return Error(404, "UnknownOperationException", null);
        }

        if (request.Header("Content-Type")?.StartsWith("application/x-amz-json-1.1", StringComparison.Ordinal) != true)
        {
            return Error(400, "SerializationException", "Content-Type must be application/x-amz-json-1.1");
        }

        var signature = VerifySignature(request);
        Log.Enqueue((operation, signature is null));
        if (signature is not null)
        {
            return signature;
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(request.Body).RootElement;
        }
        catch (JsonException)
        {
            return Error(400, "SerializationException", "Start of structure or map found where not expected.");
        }

        var id = body.TryGetProperty("SecretId", out var sid) ? sid.GetString() : body.TryGetProperty("Name", out var n) ? n.GetString() : null;
        if (string.IsNullOrEmpty(id))
        {
            return Error(400, "InvalidParameterException", "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
        }

        switch (operation)
        {
            case "CreateSecret":
                if (_secrets.ContainsKey(id))
                {
                    return Error(400, "ResourceExistsException", $"The operation failed because the secret {id} already exists.");
                }

                Seed(id, body.GetProperty("SecretString").GetString());
                return Ok(w =>
                {
                    w.WriteString("ARN", _secrets[id].Arn);
                    w.WriteString("Name", id);
                    w.WriteString("VersionId", _secrets[id].VersionId);
                });
        }

        var secret = _secrets.Values.FirstOrDefault(s => s.Name == id || s.Arn == id);
        if (secret is null)
        {
            return Error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }

        if (Denied.ContainsKey(secret.Name))
        {
            return Error(400, "AccessDeniedException",
                $"User: arn:aws:iam::123456789012:user/test is not authorized to perform: secretsmanager:{operation} on resource: {secret.Name} because no identity-based policy allows the secretsmanager:{operation} action");
        }

        switch (operation)
        {
            case "GetSecretValue":
                if (secret.Deleted)
                {
                    return Error(400, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.");
                }

                return Ok(w =>
                {
                    w.WriteString("ARN", secret.Arn);
                    w.WriteString("Name", secret.Name);
                    w.WriteString("VersionId", secret.VersionId);
                    if (secret.Binary)
                    {
                        w.WriteString("SecretBinary", Convert.ToBase64String([1, 2, 3]));
                    }
                    else
                    {
                        w.WriteString("SecretString", secret.Value);
                    }

                    w.WriteStartArray("VersionStages");
                    w.WriteStringValue("AWSCURRENT");
                    w.WriteEndArray();
                    w.WriteNumber("CreatedDate", 1.764149400123E9);
                });
            case "PutSecretValue":
                if (secret.Deleted)
                {
                    return Error(400, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.");
                }

                _secrets[secret.Name] = secret with { Value = body.GetProperty("SecretString").GetString(), VersionId = Guid.NewGuid().ToString() };
                return Ok(w =>
                {
                    w.WriteString("ARN", secret.Arn);
                    w.WriteString("Name", secret.Name);
                    w.WriteString("VersionId", _secrets[secret.Name].VersionId);
                });
            case "DescribeSecret":
                return Ok(w =>
                {
                    w.WriteString("ARN", secret.Arn);
                    w.WriteString("Name", secret.Name);
                    if (secret.RotationEnabled)
                    {
                        w.WriteBoolean("RotationEnabled", true);
                    }

                    if (secret.LambdaArn is not null)
                    {
                        w.WriteString("RotationLambdaARN", secret.LambdaArn);
                    }

                    if (secret.Days is { } days)
                    {
                        w.WriteStartObject("RotationRules");
                        w.WriteNumber("AutomaticallyAfterDays", days);
                        w.WriteEndObject();
                    }

                    if (secret.LastRotated is { } last)
                    {
                        w.WriteNumber("LastRotatedDate", last.ToUnixTimeMilliseconds() / 1000.0);
                    }

                    if (secret.NextRotation is { } next)
                    {
                        w.WriteNumber("NextRotationDate", next.ToUnixTimeMilliseconds() / 1000.0);
                    }

                    if (secret.Deleted)
                    {
                        w.WriteNumber("DeletedDate", 1.7641494E9);
                    }
                });
            default:
                return Error(400, "UnknownOperationException", null);
        }
    }

    /// <summary>Recomputes the SigV4 signature from the received request; null when it verifies.</summary>
    private static LoopbackResponse? VerifySignature(LoopbackRequest request)
    {
        var authorization = request.Header("Authorization");
        var amzDate = request.Header("X-Amz-Date");
        if (authorization is null || amzDate is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return Error(400, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ")
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
        var scope = parts.GetValueOrDefault("Credential", string.Empty).Split('/');
        if (scope.Length != 5 || scope[0] != AccessKey)
        {
            return Error(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (scope[1] != amzDate[..8] || scope[2] != Region || scope[3] != "secretsmanager" || scope[4] != "aws4_request"
            || Math.Abs((DateTime.UtcNow - signedAt).TotalMinutes) > 5)
        {
            return Error(400, "InvalidSignatureException", "Credential should be scoped to a valid region, service and date.");
        }

        var signedHeaders = parts.GetValueOrDefault("SignedHeaders", string.Empty).Split(';');
        foreach (var required in new[] { "host", "x-amz-date", "x-amz-target", "content-type" })
        {
            if (!signedHeaders.Contains(required))
            {
                return Error(400, "InvalidSignatureException", $"'{required}' must be a signed header.");
            }
        }

        var canonical = new StringBuilder();
        canonical.Append("POST\n/\n\n");
        foreach (var header in signedHeaders)
        {
            canonical.Append(header).Append(':').Append((request.Header(header) ?? string.Empty).Trim()).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        canonical.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));

        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope[1]}/{Region}/secretsmanager/aws4_request\n"
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + SecretKey), Encoding.UTF8.GetBytes(scope[1]));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("secretsmanager"));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == parts.GetValueOrDefault("Signature")
            ? null
            : Error(400, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
    }

    private static LoopbackResponse Ok(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return new LoopbackResponse(200, Encoding.UTF8.GetString(buffer.ToArray()), "application/x-amz-json-1.1");
    }

    private static LoopbackResponse Error(int status, string type, string? message)
    {
        var body = message is null
            ? JsonSerializerHelper.Object(("__type", type))
            : JsonSerializerHelper.Object(("__type", type), ("message", message));
        return new LoopbackResponse(status, body, "application/x-amz-json-1.1");
    }

    private sealed record Secret(string Name, string Arn, string? Value, bool Binary, string VersionId)
    {
        public bool RotationEnabled { get; init; }

        public string? LambdaArn { get; init; }

        public int? Days { get; init; }

        public DateTimeOffset? LastRotated { get; init; }

        public DateTimeOffset? NextRotation { get; init; }

        public bool Deleted { get; init; }
    }

    private static class JsonSerializerHelper
    {
        public static string Object(params (string Name, string Value)[] members)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in members)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
