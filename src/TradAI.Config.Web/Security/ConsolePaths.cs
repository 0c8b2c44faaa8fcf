namespace TradAI.Config.Web.Security;

/// <summary>Which requests are the browser console's (HTML answers) and which the API's (problem documents).</summary>
internal static class ConsolePaths
{
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    public static bool IsPage(HttpRequest request) => !IsApi(request);
}
