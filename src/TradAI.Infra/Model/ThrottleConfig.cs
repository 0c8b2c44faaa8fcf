namespace TradAI.Infra.Model;

/// <summary>Steady-state requests per second and burst.</summary>
public sealed record ThrottleConfig(string Name, int RateLimit, int BurstLimit);
