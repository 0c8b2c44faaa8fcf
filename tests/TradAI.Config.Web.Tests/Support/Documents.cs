using TradAI.Config.Core.Tree;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Web.Tests.Support;

/// <summary>Request bodies: valid strategy configs as YAML and JSON, and a fresh strategy name per test.</summary>
public static class Documents
{
    public static string NewStrategy(string prefix = "s") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A valid config whose content differs by <paramref name="n"/>.</summary>
    public static string Yaml(int n, params (object Key, object? Value)[] extra) =>
        ConfigYamlWriter.ToYaml(StrategyContent.Valid([("max_open_trades", (long)n), .. extra]));

    public static string Json(int n) => ConfigJsonWriter.ToJson(StrategyContent.Valid(("max_open_trades", (long)n)));
}
