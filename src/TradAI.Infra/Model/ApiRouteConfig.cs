namespace TradAI.Infra.Model;

/// <summary>One API Gateway route (<c>ANY /api/v1/backtests/{proxy+}</c>), the named throttle applied to it, and whether it needs a Cognito token.</summary>
public sealed record ApiRouteConfig(string Method, string Path, string Throttle, bool Authorized)
{
    /// <summary>The route key API Gateway uses (<c>ANY /path</c>).</summary>
    public string RouteKey => $"{Method} {Path}";
}
