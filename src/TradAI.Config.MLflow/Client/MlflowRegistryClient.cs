using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.MLflow.Client;

/// <summary>
/// A small client for the MLflow REST API 2.0 model registry: latest version per stage, version by alias, one version
/// (with its tags). Basic or bearer auth and optional TLS-verification skip come from <see cref="MlflowSettings"/>.
/// A missing model or alias is <see cref="NotFoundException"/>; every other failure <see cref="ExternalServiceException"/>.
/// </summary>
public sealed class MlflowRegistryClient : IDisposable
{
    public const string ServiceName = "mlflow";

    private readonly HttpClient _http;
    private readonly Uri _base;

    /// <param name="settings">Server, credentials and TLS policy.</param>
    /// <param name="handler">HTTP handler (tests); built from <paramref name="settings"/> when null.</param>
    public MlflowRegistryClient(MlflowSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _base = new Uri(settings.TrackingUri.ToString().TrimEnd('/') + "/");
        _http = new HttpClient(handler ?? CreateHandler(settings), disposeHandler: true) { Timeout = settings.Timeout };
        if (settings.Token is { } token)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (settings.Username is { } user)
        {
            var raw = Encoding.UTF8.GetBytes($"{user}:{settings.Password}");
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }
    }

    public MlflowSettings Settings { get; }

    /// <summary>The HTTP handler for <paramref name="settings"/>: with <see cref="MlflowSettings.InsecureSkipTlsVerify"/> any certificate is accepted.</summary>
    public static HttpMessageHandler CreateHandler(MlflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var handler = new HttpClientHandler();
        if (settings.InsecureSkipTlsVerify)
        {
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        return handler;
    }

    /// <summary>
    /// <c>POST /api/2.0/mlflow/registered-models/get-latest-versions</c> for one stage; null when no version is in it.
    /// </summary>
    public async Task<MlflowModelVersion?> GetLatestVersionAsync(string modelName, string stage, CancellationToken cancellationToken = default)
    {
        var versions = await GetLatestVersionsAsync(modelName, [stage], cancellationToken).ConfigureAwait(false);
        return versions
            .Where(v => string.Equals(v.CurrentStage, stage, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(v => long.TryParse(v.Version, out var n) ? n : 0)
            .FirstOrDefault();
    }

    /// <summary><c>POST /api/2.0/mlflow/registered-models/get-latest-versions</c>: the latest version in each stage asked for.</summary>
    public async Task<IReadOnlyList<MlflowModelVersion>> GetLatestVersionsAsync(string modelName, IReadOnlyList<string> stages, CancellationToken cancellationToken = default)
    {
        var body = Json(w =>
        {
            w.WriteString("name", modelName);
            w.WriteStartArray("stages");
            foreach (var stage in stages)
            {
                w.WriteStringValue(stage);
            }

            w.WriteEndArray();
        });
        using var doc = await SendAsync(HttpMethod.Post, "api/2.0/mlflow/registered-models/get-latest-versions", body, $"model '{modelName}'", cancellationToken).ConfigureAwait(false);
        if (!doc.RootElement.TryGetProperty("model_versions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(ReadVersion)];
    }

    /// <summary><c>GET /api/2.0/mlflow/registered-models/alias</c>: the version an alias (e.g. <c>champion</c>) points to.</summary>
    public async Task<MlflowModelVersion> GetModelVersionByAliasAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        var path = $"api/2.0/mlflow/registered-models/alias?name={Uri.EscapeDataString(modelName)}&alias={Uri.EscapeDataString(alias)}";
        using var doc = await SendAsync(HttpMethod.Get, path, null, $"alias '{alias}' of model '{modelName}'", cancellationToken).ConfigureAwait(false);
        return ReadVersion(RequireVersion(doc, modelName));
    }

    /// <summary><c>GET /api/2.0/mlflow/model-versions/get</c>: one version with its tags.</summary>
    public async Task<MlflowModelVersion> GetModelVersionAsync(string modelName, string version, CancellationToken cancellationToken = default)
    {
        var path = $"api/2.0/mlflow/model-versions/get?name={Uri.EscapeDataString(modelName)}&version={Uri.EscapeDataString(version)}";
        using var doc = await SendAsync(HttpMethod.Get, path, null, $"version {version} of model '{modelName}'", cancellationToken).ConfigureAwait(false);
        return ReadVersion(RequireVersion(doc, modelName));
    }

    public void Dispose() => _http.Dispose();

    public override string ToString() => $"MlflowRegistryClient({Settings})";

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, byte[]? body, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ExternalServiceException(
                ServiceName,
                $"Cannot reach MLflow at {_base.GetLeftPart(UriPartial.Authority)} to read {InputSanitizer.Sanitize(what)}: {InputSanitizer.Sanitize(ex.Message, 160)}",
                ex)
            {
                ErrorCode = "NetworkError",
            };
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                }
                catch (JsonException)
                {
                    throw new ExternalServiceException(ServiceName, $"MLflow sent a response that is not JSON for {InputSanitizer.Sanitize(what)} (HTTP {(int)response.StatusCode})");
                }
            }

            var (code, message) = ParseError(text);
            var detail = message is null ? string.Empty : $": {InputSanitizer.Sanitize(message, 200)}";
            // MLflow answers an unknown alias with INVALID_PARAMETER_VALUE "Registered model alias X not found."
            var missingAlias = code == "INVALID_PARAMETER_VALUE" && path.Contains("/alias?", StringComparison.Ordinal)
                && message?.Contains("not found", StringComparison.OrdinalIgnoreCase) == true;
            if (code == "RESOURCE_DOES_NOT_EXIST" || missingAlias)
            {
                throw new NotFoundException($"MLflow has no {InputSanitizer.Sanitize(what)}{detail}");
            }

            var hint = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => " (check MLFLOW_TRACKING_USERNAME/PASSWORD or MLFLOW_TRACKING_TOKEN)",
                HttpStatusCode.Forbidden => " (the credentials lack permission)",
                _ => string.Empty,
            };
            throw new ExternalServiceException(
                ServiceName,
                $"MLflow failed to read {InputSanitizer.Sanitize(what)}: {code ?? "HTTP " + (int)response.StatusCode}{detail}{hint}")
            {
                ErrorCode = code ?? $"HTTP{(int)response.StatusCode}",
            };
        }
    }

    /// <summary>MLflow errors are <c>{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}</c>.</summary>
    private static (string? Code, string? Message) ParseError(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return (Str(doc.RootElement, "error_code"), Str(doc.RootElement, "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static JsonElement RequireVersion(JsonDocument doc, string modelName) =>
        doc.RootElement.TryGetProperty("model_version", out var v) && v.ValueKind == JsonValueKind.Object
            ? v
            : throw new ExternalServiceException(ServiceName, $"MLflow answered without a model_version for model '{InputSanitizer.Sanitize(modelName)}'");

    private static MlflowModelVersion ReadVersion(JsonElement v)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (v.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in list.EnumerateArray())
            {
                if (Str(tag, "key") is { } key)
                {
                    tags[key] = Str(tag, "value") ?? string.Empty;
                }
            }
        }

        var aliases = v.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        return new MlflowModelVersion(
            Str(v, "name") ?? string.Empty,
            Str(v, "version") ?? string.Empty,
            Str(v, "current_stage"),
            Str(v, "status"),
            Str(v, "run_id"),
            Str(v, "source"),
            tags,
            aliases);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
