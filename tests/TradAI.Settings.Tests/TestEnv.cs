using TradAI.Settings.Loading;

namespace TradAI.Settings.Tests;

/// <summary>Builds load options from an injected environment, never the real one, with no env files unless given.</summary>
internal static class TestEnv
{
    public static Dictionary<string, string> Vars(params (string Key, string Value)[] vars)
    {
        var d = new Dictionary<string, string>();
        foreach (var (k, v) in vars)
        {
            d[k] = v;
        }

        return d;
    }

    public static SettingsLoadOptions Options(params (string Key, string Value)[] vars) => new()
    {
        Environment = Vars(vars),
        EnvFiles = [],
        LoadS3Config = true,
    };

    /// <summary>The minimum a staging/prod backend needs to be valid.</summary>
    public static (string, string)[] ValidNonDevBackend(string env) =>
    [
        ("BACKEND_ENVIRONMENT", env),
        ("BACKEND_EXECUTOR_MODE", "ecs"),
        ("BACKEND_ECS_CLUSTER", "tradai-" + env),
        ("BACKEND_WEBSOCKET_SECRET_KEY", "k3y-" + new string('x', 40)),
    ];
}

/// <summary>A temporary directory deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tradai-settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
