using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TradAI.Config.Testing.Secrets;

/// <summary>
/// Sets up secrets in moto's Secrets Manager (started by <c>scripts/emulators.sh</c>) with plain JSON-1.1 requests that
/// do not go through the product's client, so a test seeds with one implementation and reads with another. It also
/// does what the product's client has no operation for: binary values, deletion and rotation. moto checks no signature,
/// so these requests carry an unsigned <c>Authorization</c> header that only names the region and service.
/// </summary>
public sealed class MotoSecretsManager : IDisposable
{
    public const string Region = "us-east-1";

    /// <summary>The Lambda function moto "runs" for <see cref="RotateAsync"/> with a function (its no-Docker stub).</summary>
    public const string RotationFunctionName = "tradai-test-rotation";

    private const string Account = "123456789012";
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> RotationFunctions = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public MotoSecretsManager(string? endpoint = null) => Endpoint = (endpoint ?? EmulatorEndpoints.Moto).TrimEnd('/');

    public string Endpoint { get; }

    /// <summary>A name no other test uses (every test shares the one moto server).</summary>
    public static string UniqueName(string label) => $"tradai/{label}/{Guid.NewGuid():N}";

    /// <summary>CreateSecret with a string value; returns the ARN.</summary>
    public async Task<string> CreateAsync(string name, string secretString, CancellationToken cancellationToken)
    {
        using var doc = await SecretsAsync("CreateSecret", new { Name = name, SecretString = secretString }, cancellationToken);
        return doc.RootElement.GetProperty("ARN").GetString()!;
    }

    /// <summary>CreateSecret with a binary value only (no SecretString), as certificates are stored.</summary>
    public async Task<string> CreateBinaryAsync(string name, byte[] value, CancellationToken cancellationToken)
    {
        using var doc = await SecretsAsync("CreateSecret", new { Name = name, SecretBinary = Convert.ToBase64String(value) }, cancellationToken);
        return doc.RootElement.GetProperty("ARN").GetString()!;
    }

    /// <summary>PutSecretValue: a new AWSCURRENT version (the previous one becomes AWSPREVIOUS); returns its version id.</summary>
    public async Task<string> PutAsync(string name, string secretString, CancellationToken cancellationToken)
    {
        using var doc = await SecretsAsync("PutSecretValue", new { SecretId = name, SecretString = secretString }, cancellationToken);
        return doc.RootElement.GetProperty("VersionId").GetString()!;
    }

    /// <summary>DeleteSecret with a recovery window: the secret is "marked for deletion", not gone.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        using var _ = await SecretsAsync("DeleteSecret", new { SecretId = name, RecoveryWindowInDays = 7 }, cancellationToken);
    }

    /// <summary>DescribeSecret as moto sends it, to compare the product's parse with the raw answer.</summary>
    public async Task<JsonElement> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        using var doc = await SecretsAsync("DescribeSecret", new { SecretId = name }, cancellationToken);
        return doc.RootElement.Clone();
    }

    /// <summary>
    /// RotateSecret with a schedule of <paramref name="days"/>, through a rotation function when
    /// <paramref name="withFunction"/> (its ARN is returned) or as managed rotation without one (null). moto then
    /// moves AWSCURRENT to a version without a value, which real AWS would not: read only the rotation metadata after it.
    /// </summary>
    public async Task<string?> RotateAsync(string name, int days, bool withFunction, CancellationToken cancellationToken)
    {
        var rules = new { AutomaticallyAfterDays = days };
        if (!withFunction)
        {
            using var _ = await SecretsAsync("RotateSecret", new { SecretId = name, RotationRules = rules }, cancellationToken);
            return null;
        }

        var arn = await RotationFunctions.GetOrAdd(Endpoint, _ => new Lazy<Task<string>>(CreateRotationFunctionAsync)).Value;
        using var __ = await SecretsAsync("RotateSecret", new { SecretId = name, RotationLambdaARN = arn, RotationRules = rules }, cancellationToken);
        return arn;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// moto invokes the rotation function, and only its no-Docker Lambda stub can run here: switch moto to it, then create
    /// the role and the function (once per server; "already exists" from an earlier run is fine).
    /// </summary>
    private async Task<string> CreateRotationFunctionAsync()
    {
        await SendAsync(HttpMethod.Post, "/moto-api/config", "lambda", new StringContent("""{"lambda":{"use_docker":false}}""", Encoding.UTF8, "application/json"), CancellationToken.None);

        var role = $"arn:aws:iam::{Account}:role/{RotationFunctionName}";
        using var createRole = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "CreateRole",
            ["Version"] = "2010-05-08",
            ["RoleName"] = RotationFunctionName,
            ["AssumeRolePolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
        });
        await SendAsync(HttpMethod.Post, "/", "iam", createRole, CancellationToken.None, HttpStatusCode.Conflict);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("rotate.py").Open();
            await entry.WriteAsync("def handler(event, context):\n    return None\n"u8.ToArray());
        }

        var function = JsonSerializer.Serialize(new
        {
            FunctionName = RotationFunctionName,
            Runtime = "python3.11",
            Role = role,
            Handler = "rotate.handler",
            Code = new { ZipFile = Convert.ToBase64String(zip.ToArray()) },
        });
        await SendAsync(HttpMethod.Post, "/2015-03-31/functions", "lambda", new StringContent(function, Encoding.UTF8, "application/json"), CancellationToken.None, HttpStatusCode.Conflict);
        return $"arn:aws:lambda:{Region}:{Account}:function:{RotationFunctionName}";
    }

    private async Task<JsonDocument> SecretsAsync(string operation, object body, CancellationToken cancellationToken)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new("application/x-amz-json-1.1");
        var text = await SendAsync(HttpMethod.Post, "/", "secretsmanager", content, cancellationToken, target: "secretsmanager." + operation);
        return JsonDocument.Parse(text);
    }

    private async Task<string> SendAsync(
        HttpMethod method, string path, string service, HttpContent content, CancellationToken cancellationToken, HttpStatusCode? alsoFine = null, string? target = null)
    {
        using var request = new HttpRequestMessage(method, Endpoint + path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/20260101/{Region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != alsoFine)
        {
            throw new InvalidOperationException($"moto {service} {target ?? path} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }
}
