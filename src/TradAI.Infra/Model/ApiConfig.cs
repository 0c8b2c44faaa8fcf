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
    IReadOnlyList<ApiRouteConfig> Routes,
    IReadOnlyList<ThrottleConfig> Throttles,
    IReadOnlyList<AlbPathPatternConfig> AlbPathPatterns,
    IReadOnlyList<string> CorsAllowedOrigins)
{
    /// <summary>A throttle by name.</summary>
    public ThrottleConfig Throttle(string name) =>
        Throttles.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no throttle '{name}'");
}

/// <summary>One API Gateway route (<c>ANY /api/v1/backtests/{proxy+}</c>), the named throttle applied to it, and whether it needs a Cognito token.</summary>
public sealed record ApiRouteConfig(string Method, string Path, string Throttle, bool Authorized)
{
    /// <summary>The route key API Gateway uses (<c>ANY /path</c>).</summary>
    public string RouteKey => $"{Method} {Path}";
}

/// <summary>Steady-state requests per second and burst.</summary>
public sealed record ThrottleConfig(string Name, int RateLimit, int BurstLimit);

/// <summary>One ALB listener rule: priority, path patterns and the service they forward to.</summary>
public sealed record AlbPathPatternConfig(string Service, int Priority, IReadOnlyList<string> PathPatterns);
