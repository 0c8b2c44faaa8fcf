namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>One lexed token: its type and where it is in the source (its text is cut out only when asked for).</summary>
internal readonly record struct InterpolationToken(InterpolationTokenKind Kind, string Source, int Start, int Length)
{
    public string Text => Source.Substring(Start, Length);
}
