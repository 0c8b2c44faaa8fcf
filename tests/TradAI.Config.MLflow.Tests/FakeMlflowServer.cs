using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using TradAI.Config.Testing.Http;

namespace TradAI.Config.MLflow.Tests;

/// <summary>
/// A loopback MLflow tracking server implementing the REST API 2.0 model-registry calls TradAI uses, as the MLflow
/// reference documents them: <c>POST registered-models/get-latest-versions</c> (<c>{"model_versions": [...]}</c>, the field
/// omitted when empty), <c>GET registered-models/alias</c> and <c>GET model-versions/get</c> (<c>{"model_version": {...}}</c>),
/// errors as <c>{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": ...}</c> with HTTP 404, unknown alias as
/// <c>INVALID_PARAMETER_VALUE</c> (400), and 401 without the configured basic or bearer credentials.
/// </summary>
internal sealed class FakeMlflowServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, List<Version>> _models = new(StringComparer.Ordinal);

    public FakeMlflowServer(string? requiredAuthorization = null)
    {
        RequiredAuthorization = requiredAuthorization;
        _server = new LoopbackHttpServer(Handle);
    }

    public Uri BaseUri => _server.BaseUri;

    public string? RequiredAuthorization { get; }

    /// <summary>When set, every call answers 500 INTERNAL_ERROR (a registry outage).</summary>
    public bool Failing { get; set; }

    public ConcurrentQueue<string> Paths { get; } = new();

    public void AddModel(string name) => _models.TryAdd(name, []);

    public void AddVersion(string model, string version, string stage, IReadOnlyDictionary<string, string> tags, params string[] aliases)
    {
        AddModel(model);
        lock (_models[model])
        {
            _models[model].Add(new Version(model, version, stage, tags, aliases));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        Paths.Enqueue(request.Method + " " + request.Url.PathAndQuery);
        if (RequiredAuthorization is not null && request.Header("Authorization") != RequiredAuthorization)
        {
            return new LoopbackResponse(401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.", "text/plain")
            {
                Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"mlflow\"" },
            };
        }

        if (Failing)
        {
            return Error(500, "INTERNAL_ERROR", "database is locked");
        }

        var path = request.Url.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);
        switch (request.Method, path)
        {
            case ("POST", "/api/2.0/mlflow/registered-models/get-latest-versions"):
                {
                    using var body = JsonDocument.Parse(request.Body);
                    var name = body.RootElement.GetProperty("name").GetString()!;
                    if (!_models.TryGetValue(name, out var versions))
                    {
                        return Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found");
                    }

                    var stages = body.RootElement.TryGetProperty("stages", out var s) ? s.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
                    List<Version> latest;
                    lock (versions)
                    {
                        latest = versions
                            .Where(v => stages.Count == 0 || stages.Contains(v.Stage, StringComparer.OrdinalIgnoreCase))
                            .GroupBy(v => v.Stage)
                            .Select(g => g.MaxBy(v => int.Parse(v.Number, System.Globalization.CultureInfo.InvariantCulture))!)
                            .ToList();
                    }

                    return Ok(w =>
                    {
                        if (latest.Count > 0)
                        {
                            w.WriteStartArray("model_versions");
                            foreach (var v in latest)
                            {
                                WriteVersion(w, v);
                            }

                            w.WriteEndArray();
                        }
                    });
                }

            case ("GET", "/api/2.0/mlflow/registered-models/alias"):
                {
                    var name = query["name"]!;
                    var alias = query["alias"]!;
                    if (!_models.TryGetValue(name, out var versions))
                    {
                        return Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found");
                    }

                    var hit = versions.LastOrDefault(v => v.Aliases.Contains(alias));
                    return hit is null
                        ? Error(400, "INVALID_PARAMETER_VALUE", $"Registered model alias {alias} not found.")
                        : Ok(w =>
                        {
                            w.WritePropertyName("model_version");
                            WriteVersion(w, hit);
                        });
                }

            case ("GET", "/api/2.0/mlflow/model-versions/get"):
                {
                    var name = query["name"]!;
                    var hit = _models.TryGetValue(name, out var versions) ? versions.FirstOrDefault(v => v.Number == query["version"]) : null;
                    return hit is null
                        ? Error(404, "RESOURCE_DOES_NOT_EXIST", $"Model Version (name={name}, version={query["version"]}) not found")
                        : Ok(w =>
                        {
                            w.WritePropertyName("model_version");
                            WriteVersion(w, hit);
                        });
                }

            default:
                return Error(404, "ENDPOINT_NOT_FOUND", $"No API route for {path}");
        }
    }

    private static void WriteVersion(Utf8JsonWriter w, Version v)
    {
        w.WriteStartObject();
        w.WriteString("name", v.Model);
        w.WriteString("version", v.Number);
        w.WriteNumber("creation_timestamp", 1764147600000);
        w.WriteNumber("last_updated_timestamp", 1764147600000);
        w.WriteString("current_stage", v.Stage);
        w.WriteString("description", string.Empty);
        w.WriteString("source", $"models:/m-{v.Number}");
        w.WriteString("run_id", "run" + v.Number);
        w.WriteString("status", "READY");
        w.WriteStartArray("tags");
        foreach (var (key, value) in v.Tags)
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (v.Aliases.Length > 0)
        {
            w.WriteStartArray("aliases");
            foreach (var a in v.Aliases)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
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

        return new LoopbackResponse(200, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static LoopbackResponse Error(int status, string code, string message) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["error_code"] = code, ["message"] = message }));

    private sealed record Version(string Model, string Number, string Stage, IReadOnlyDictionary<string, string> Tags, string[] Aliases);
}
