using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// The real OmegaConf 2.2 (Debian's python3-omegaconf, installed by scripts/python-deps.sh) as one long-lived
/// Python process answering JSON requests on stdin/stdout (omegaconf_oracle.py), so hundreds of differential
/// cases run in seconds. Thread-safe: requests are serialized. Missing OmegaConf fails the tests that need it,
/// unless <c>TRADAI_OMEGACONF_SKIP=1</c> asks for a skip.
/// </summary>
public sealed class OmegaConfOracle : IDisposable
{
    /// <summary>The environment both sides see for <c>${oc.env:...}</c>: these variables are set, <c>TRADAI_DT_UNSET</c> is not.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TRADAI_DT_SET"] = "from-env",
        ["TRADAI_DT_NUM"] = "42",
        ["TRADAI_DT_EMPTY"] = string.Empty,
    };

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    // A typed value takes three JSON levels per mapping level, and trees nest up to the readers' 128 levels.
    private static readonly JsonDocumentOptions DeepAnswers = new() { MaxDepth = 1024 };
    private readonly Lock _gate = new();
    private readonly Lazy<(Process? Process, string? Problem)> _start;

    public OmegaConfOracle()
    {
        _start = new Lazy<(Process?, string?)>(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Looks a variable up in <see cref="Environment"/> (the resolver's view of the environment).</summary>
    public static string? LookupEnvironment(string name) => Environment.TryGetValue(name, out var v) ? v : null;

    /// <summary>The interpreter: <c>TRADAI_OMEGACONF_PYTHON</c>, else the system python (not a pyenv shim first on PATH).</summary>
    public static string Python => System.Environment.GetEnvironmentVariable("TRADAI_OMEGACONF_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>Skips (only when <c>TRADAI_OMEGACONF_SKIP=1</c>) or fails the calling test when OmegaConf cannot run.</summary>
    public void Require()
    {
        var problem = _start.Value.Problem;
        if (problem is null)
        {
            return;
        }

        var message = $"OmegaConf 2.2 is not available for {Python}: {problem}. Install it with scripts/python-deps.sh (scripts/test.sh does).";
        if (System.Environment.GetEnvironmentVariable("TRADAI_OMEGACONF_SKIP") == "1")
        {
            Assert.Skip(message + " Skipped because TRADAI_OMEGACONF_SKIP=1.");
        }

        Assert.Fail(message + " Set TRADAI_OMEGACONF_SKIP=1 to skip these tests deliberately.");
    }

    /// <summary>Loads each document with <c>OmegaConf.load</c>, merges them and returns <c>to_container(resolve=True)</c>.</summary>
    public JsonObject Merge(IReadOnlyList<string> docs) =>
        Send(new JsonObject { ["op"] = "merge", ["docs"] = new JsonArray([.. docs.Select(d => (JsonNode?)JsonValue.Create(d))]) });

    /// <summary>Loads one document: <c>to_container(resolve=False)</c> as "ok" and <c>OmegaConf.to_yaml</c> as "yaml".</summary>
    public JsonObject Load(string doc) => Send(new JsonObject { ["op"] = "load", ["doc"] = doc });

    /// <summary>Loads each document on its own (<c>to_container(resolve=False)</c>): one answer per document, in one round trip.</summary>
    public IReadOnlyList<JsonObject> LoadMany(IReadOnlyList<string> docs)
    {
        var answer = Send(new JsonObject { ["op"] = "load_many", ["docs"] = new JsonArray([.. docs.Select(d => (JsonNode?)JsonValue.Create(d))]) });
        var answers = answer["ok"]?.AsArray() ?? throw new InvalidOperationException($"the OmegaConf oracle refused the batch: {answer["error"]}");
        return [.. answers.Select(a => a!.AsObject())];
    }

    private JsonObject Send(JsonObject request)
    {
        Require();
        var process = _start.Value.Process!;
        lock (_gate)
        {
            process.StandardInput.WriteLine(request.ToJsonString());
            process.StandardInput.Flush();
            var read = process.StandardOutput.ReadLineAsync();
            if (!read.Wait(RequestTimeout) || read.Result is not { } line)
            {
                var stderr = process.HasExited ? process.StandardError.ReadToEnd() : "(no answer in time)";
                throw new InvalidOperationException($"the OmegaConf oracle stopped answering: {stderr}");
            }

            return JsonNode.Parse(line, documentOptions: DeepAnswers)!.AsObject();
        }
    }

    private static (Process?, string?) Start()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "OmegaConf", "omegaconf_oracle.py");
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-I"); // isolated: no user site-packages, no PYTHON* variables, no script dir on sys.path
        info.ArgumentList.Add(script);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADAI_DT_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (k, v) in Environment)
        {
            info.Environment[k] = v;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, ex.Message);
        }

        process.StandardInput.WriteLine("""{"op":"version"}""");
        process.StandardInput.Flush();
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(RequestTimeout) || read.Result is not { } line)
        {
            var stderr = process.HasExited ? process.StandardError.ReadToEnd().Trim() : "no answer in time";
            StopProcess(process);
            return (null, stderr.Split('\n').LastOrDefault(l => l.Length > 0) ?? "it exited");
        }

        var version = JsonNode.Parse(line)?["ok"]?["s"]?.GetValue<string>();
        if (version is null || !version.StartsWith("2.2.", StringComparison.Ordinal))
        {
            StopProcess(process);
            return (null, $"found OmegaConf {version ?? "(unknown)"}, the differential tests pin 2.2");
        }

        return (process, null);
    }

    private static void StopProcess(Process process)
    {
        try
        {
            process.StandardInput.Close(); // the script ends at end of input
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
    }

    public void Dispose()
    {
        if (_start.IsValueCreated && _start.Value.Process is { } process)
        {
            StopProcess(process);
        }
    }
}
