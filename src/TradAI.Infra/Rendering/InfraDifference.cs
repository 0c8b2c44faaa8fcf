namespace TradAI.Infra.Rendering;

/// <summary>One setting that differs between two environments; a null side means the setting exists only on the other.</summary>
public sealed record InfraDifference(string Path, string? Left, string? Right);
