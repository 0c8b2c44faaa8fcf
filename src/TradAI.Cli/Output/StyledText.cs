namespace TradAI.Cli.Output;

/// <summary>Plain text with an optional Spectre style (<c>green</c>, <c>bold</c>); the printer escapes the text.</summary>
internal sealed record StyledText(string Text, string? Style = null)
{
    public static implicit operator StyledText(string text) => new(text);
}
