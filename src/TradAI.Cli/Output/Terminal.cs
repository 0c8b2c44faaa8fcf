using Spectre.Console;

namespace TradAI.Cli.Output;

/// <summary>Spectre.Console consoles bound to the CLI's stdout/stderr writers, created only when a rich output is needed.</summary>
internal static class Terminal
{
    private static IAnsiConsole? _out;
    private static IAnsiConsole? _error;

    public static IAnsiConsole Out => _out ??= Create(CliRunner.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error => _error ??= Create(CliRunner.Error, Console.IsErrorRedirected);

    /// <summary>Forgets cached consoles (tests swap the writers).</summary>
    public static void Reset()
    {
        _out = null;
        _error = null;
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = redirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
    });
}
