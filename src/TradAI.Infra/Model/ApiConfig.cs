using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>The edge: API Gateway routes and throttles, CORS, and the ALB's path-based routing.</summary>
/// <param name="ApiName">HTTP API name.</param>
/// <param name="AlbEnabled">False when <c>skip_alb</c> is set: API Gateway then reaches the backend through Cloud Map.</param>
/// <param name="AlbName">Load balancer name.</param>
/// <param name="Routes">API Gateway routes, each with the throttle it uses.</param>
/// <param name="Throttles">Named throttles (<c>default</c>, <c>backtests</c>).</param>
/// <param name="AlbPathPatterns">Listener rules: which paths go to which service.</param>
/// <param name="CorsAllowedOrigins">Origins allowed by CORS; empty means no CORS configuration at all.</param>
public sealed record ApiConfig(
    string ApiName,
    bool AlbEnabled,
    string AlbName,
    ValueList<ApiRouteConfig> Routes,
    ValueList<ThrottleConfig> Throttles,
    ValueList<AlbPathPatternConfig> AlbPathPatterns,
    ValueList<string> CorsAllowedOrigins)
{
    /// <summary>A throttle by name.</summary>
    public ThrottleConfig Throttle(string name) =>
        Throttles.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no throttle '{name}'");
}
