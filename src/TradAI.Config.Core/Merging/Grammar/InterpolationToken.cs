namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>One lexed token: its type and its exact text.</summary>
internal readonly record struct InterpolationToken(InterpolationTokenKind Kind, string Text);
