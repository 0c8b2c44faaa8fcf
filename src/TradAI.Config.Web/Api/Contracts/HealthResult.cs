namespace TradAI.Config.Web.Api.Contracts;

/// <summary>The answer of <c>GET /health</c>: <c>ok</c> (200) or <c>unavailable</c> (503); details go to the log, not to anonymous callers.</summary>
public sealed record HealthResult(string Status);
