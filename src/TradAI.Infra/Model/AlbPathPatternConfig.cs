using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>One ALB listener rule: priority, path patterns and the service they forward to.</summary>
public sealed record AlbPathPatternConfig(string Service, int Priority, ValueList<string> PathPatterns);
