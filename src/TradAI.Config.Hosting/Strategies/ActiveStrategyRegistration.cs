namespace TradAI.Config.Hosting.Strategies;

/// <summary>One <c>AddActiveStrategyConfig</c> call, kept in the service collection in registration order.</summary>
internal sealed record ActiveStrategyRegistration(string StrategyName);
