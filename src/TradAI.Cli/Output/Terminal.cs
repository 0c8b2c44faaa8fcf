using Spectre.Console;

namespace TradAI.Cli.Output;

/// <summary>
/// Spectre.Console consoles bound to an invocation's writers. On a terminal: its width, colour unless NO_COLOR. Not
/// on a terminal (a pipe, a file, a test): no ANSI, no colour, no interaction and no width limit, so nothing is
/// wrapped or cut.
/// </summary>
internal static class Terminal
{
    /// <summary>Width used off a terminal: wide enough that no line ever wraps.</summary>
    public const int UnlimitedWidth = 1 << 20;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var color = isTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = UnlimitedWidth;
        }

        return console;
    }
}
