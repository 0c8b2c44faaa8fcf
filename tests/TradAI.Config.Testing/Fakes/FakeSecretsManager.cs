using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradAI.Config.Testing.Http;

namespace TradAI.Config.Testing.Fakes;

/// <summary>
/// A loopback Secrets Manager for what moto's server cannot do: IAM denials, throttling and checking SigV4 signatures
/// (moto accepts any). Everything else runs on moto (<see cref="Secrets.MotoSecretsManager"/>). It follows the public API
/// reference: JSON 1.1 over <c>POST /</c>, the operation in <c>X-Amz-Target</c>, errors as HTTP 400 with
/// <c>{"__type": "...", "message": "..."}</c>. Signatures are verified as AWS does, with HMAC code of its own (independent
/// of the client's signer): the canonical request is rebuilt from the request as it arrived (method, path, query,
/// the headers the client listed, the body's hash); <c>host</c> and <c>x-amz-date</c> must be signed, other headers need
/// not be; the signing time may be 15 minutes off the server's clock either way.
/// </summary>
public sealed class FakeSecretsManager : IAsyncDisposable
{
    public const string AccessKey = "AKIDFAKESECRETS";
    public const string SecretKey = "fake/secret/key+for+signing";
    public const string Region = "eu-west-1";

    /// <summary>How far a request's signing time may be from the server's clock (AWS allows 15 minutes).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    private const string Service = "secretsmanager";
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, Secret> _secrets = new(StringComparer.Ordinal);

    public FakeSecretsManager() => _server = new LoopbackHttpServer(Handle);

    public string Endpoint => _server.Endpoint;

    public int RequestCount => _server.RequestCount;

    /// <summary>Names whose reads the (fake) IAM policy denies.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of the next requests answer <c>ThrottlingException</c> ("Rate exceeded") before serving normally.</summary>
    public int ThrottleNext;

    /// <summary>Every request seen, in order, with whether its signature verified.</summary>
    public ConcurrentQueue<(string Operation, bool SignatureValid)> Log { get; } = new();

    /// <summary>Stores a secret with a string value.</summary>
    public void Seed(string name, string secretString) =>
        _secrets[name] = new Secret(name, $"arn:aws:secretsmanager:{Region}:123456789012:secret:{name}-AbCdEf", secretString, Guid.NewGuid().ToString());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        var target = request.Header("X-Amz-Target") ?? string.Empty;
        var operation = target.StartsWith(Service + ".", StringComparison.Ordinal) ? target[(Service.Length + 1)..] : target;
        var signature = VerifySignature(request, DateTime.UtcNow);
        Log.Enqueue((operation, signature is null));
        if (signature is not null)
        {
            return signature;
        }

        if (request.Method != "POST" || request.Url.AbsolutePath != "/")
        {
            return Error(404, "UnknownOperationException", null);
        }

        if (request.Header("Content-Type")?.StartsWith("application/x-amz-json-1.1", StringComparison.Ordinal) != true)
        {
            return Error(400, "SerializationException", "Content-Type must be application/x-amz-json-1.1");
        }

        if (Interlocked.Decrement(ref ThrottleNext) >= 0)
        {
            return Error(400, "ThrottlingException", "Rate exceeded");
        }

        Interlocked.Exchange(ref ThrottleNext, 0);
        if (operation != "GetSecretValue")
        {
            return Error(400, "UnknownOperationException", null);
        }

        string? id;
        try
        {
            using var body = JsonDocument.Parse(request.RawBody);
            id = body.RootElement.TryGetProperty("SecretId", out var sid) ? sid.GetString() : null;
        }
        catch (JsonException)
        {
            return Error(400, "SerializationException", "Start of structure or map found where not expected.");
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

        return Ok(w =>
        {
            w.WriteString("ARN", secret.Arn);
            w.WriteString("Name", secret.Name);
            w.WriteString("VersionId", secret.VersionId);
            w.WriteString("SecretString", secret.Value);
            w.WriteStartArray("VersionStages");
            w.WriteStringValue("AWSCURRENT");
            w.WriteEndArray();
            w.WriteNumber("CreatedDate", 1.764149400123E9);
        });
    }

    /// <summary>Recomputes the SigV4 signature of the received request; null when it verifies, else AWS's error.</summary>
    private static LoopbackResponse? VerifySignature(LoopbackRequest request, DateTime now)
    {
        var authorization = request.Header("Authorization");
        var amzDate = request.Header("X-Amz-Date");
        if (authorization is null || amzDate is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return Error(400, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
        var scope = parts.GetValueOrDefault("Credential", string.Empty).Split('/');
        if (scope.Length != 5 || scope[0] != AccessKey)
        {
            return Error(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return Error(400, "IncompleteSignatureException", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
        }

        if (signedAt < now - AllowedClockSkew)
        {
            return Error(400, "InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {Stamp(now - AllowedClockSkew)} ({Stamp(now)} - 15 min.)");
        }

        if (signedAt > now + AllowedClockSkew)
        {
            return Error(400, "InvalidSignatureException", $"Signature not yet current: {amzDate} is still later than {Stamp(now + AllowedClockSkew)} ({Stamp(now)} + 15 min.)");
        }

        if (scope[1] != amzDate[..8] || scope[2] != Region || scope[3] != Service || scope[4] != "aws4_request")
        {
            return Error(400, "InvalidSignatureException", "Credential should be scoped to a valid region, service and date.");
        }

        var signedHeaders = parts.GetValueOrDefault("SignedHeaders", string.Empty).Split(';');
        foreach (var required in new[] { "host", "x-amz-date" })
        {
            if (!signedHeaders.Contains(required, StringComparer.Ordinal))
            {
                return Error(400, "InvalidSignatureException", $"'{required}' must be a signed header.");
            }
        }

        var canonical = new StringBuilder();
        var query = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        canonical.Append(request.Method).Append('\n');
        canonical.Append(CanonicalUri(query < 0 ? request.RawTarget : request.RawTarget[..query])).Append('\n');
        canonical.Append(CanonicalQuery(query < 0 ? string.Empty : request.RawTarget[(query + 1)..])).Append('\n');
        foreach (var header in signedHeaders)
        {
            canonical.Append(header).Append(':').Append(string.Join(' ', (request.Header(header) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        canonical.Append(Convert.ToHexStringLower(SHA256.HashData(request.RawBody)));

        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope[1]}/{Region}/{Service}/aws4_request\n"
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + SecretKey), Encoding.UTF8.GetBytes(scope[1]));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Service));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == parts.GetValueOrDefault("Signature")
            ? null
            : Error(400, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
    }

    /// <summary>
    /// Services other than S3 normalize the path (no empty, <c>.</c> or <c>..</c> segments) and URI-encode the path as it
    /// arrived once more: a segment sent as <c>a%20b</c> is signed as <c>a%2520b</c>.
    /// </summary>
    private static string CanonicalUri(string rawPath)
    {
        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(UriEncode(segment));
            }
        }

        var path = "/" + string.Join('/', segments);
        return rawPath.EndsWith('/') && segments.Count > 0 ? path + "/" : path;
    }

    /// <summary>Each name and value percent-decoded, then encoded as SigV4 says; sorted by name, then value.</summary>
    private static string CanonicalQuery(string rawQuery) =>
        string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => (Name: UriEncode(Uri.UnescapeDataString(p[0])), Value: UriEncode(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    /// <summary>SigV4's UriEncode: every byte but <c>A-Z a-z 0-9 - . _ ~</c> as <c>%XX</c> (upper-case hex).</summary>
    private static string UriEncode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Stamp(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static LoopbackResponse Ok(Action<Utf8JsonWriter> write) => new(200, Json(write), "application/x-amz-json-1.1");

    private static LoopbackResponse Error(int status, string type, string? message) => new(status, Json(w =>
    {
        w.WriteString("__type", type);
        if (message is not null)
        {
            w.WriteString("message", message);
        }
    }), "application/x-amz-json-1.1");

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed record Secret(string Name, string Arn, string Value, string VersionId);
}
