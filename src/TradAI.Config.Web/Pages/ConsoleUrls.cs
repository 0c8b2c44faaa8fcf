namespace TradAI.Config.Web.Pages;

/// <summary>The console's page addresses, built from escaped parts (a strategy name may hold <c>/</c>, sent as <c>%2F</c>).</summary>
internal static class ConsoleUrls
{
    public const string Home = "/";

    public const string Stylesheet = "/assets/console.css";

    public static string Strategy(string name) => $"/strategies/{Uri.EscapeDataString(name)}";

    public static string Diff(string name, string from, string to) =>
        $"{Strategy(name)}/diff?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";

    public static string Activate(string name, string configId) => $"{Strategy(name)}/versions/{Uri.EscapeDataString(configId)}/activate";

    public static string Rollback(string name) => $"{Strategy(name)}/rollback";

    public static string RollbackTo(string name, string configId) => $"{Rollback(name)}?to={Uri.EscapeDataString(configId)}";

    public static string NewVersion(string name) => $"{Strategy(name)}/versions";

    public static string Done(string name, string what, string configId) =>
        $"{Strategy(name)}?done={Uri.EscapeDataString(what)}&id={Uri.EscapeDataString(configId)}";
}
