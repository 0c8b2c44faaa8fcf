using System.CommandLine;
using Spectre.Console;
using TradAI.Cli.Output;

namespace TradAI.Cli;

/// <summary>
/// What a command body works with: the parse result, the writers of this invocation (from System.CommandLine's
/// <see cref="InvocationConfiguration"/>) and the terminal facts the printer needs. Built once per run by
/// <see cref="CliRunner"/>.
/// </summary>
internal sealed class CliContext
{
    private IAnsiConsole? _errorConsole;

    public CliContext(ParseResult parse)
    {
        Parse = parse;
        var invocation = parse.InvocationConfiguration;
        Out = invocation.Output;
        Error = invocation.Error;
        Invocation = invocation as CliInvocation;
        OutputIsTerminal = Invocation?.OutputIsTerminal ?? (ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected);
        ErrorIsTerminal = Invocation?.OutputIsTerminal ?? (ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected);
    }

    public ParseResult Parse { get; }

    /// <summary>Standard output: the result and nothing else.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: every diagnostic.</summary>
    public TextWriter Error { get; }

    /// <summary>False when stdout is a pipe or a file: then nothing is wrapped, truncated or coloured.</summary>
    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>The format the user asked for; null when <c>--output</c> was not given.</summary>
    public OutputFormat? Format => Parse.GetValue(CommonOptions.Output);

    /// <summary>A Spectre console on stderr, for progress while a long step runs.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole ??= Terminal.Create(Error, ErrorIsTerminal);

    private CliInvocation? Invocation { get; }

    /// <summary>A variable of the process environment, or of the test's substitute.</summary>
    public string? GetEnvironmentVariable(string name) =>
        Invocation?.Environment is { } env ? env.GetValueOrDefault(name) : System.Environment.GetEnvironmentVariable(name);

    /// <summary>A variable's value, or null when it is unset or empty: an empty variable counts as not set.</summary>
    public string? GetNonEmptyVariable(string name) => GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>The test's substitute environment, or null for the process's.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentOverride => Invocation?.Environment;

    /// <summary>Standard input as raw bytes (the caller decodes strictly).</summary>
    public Stream OpenStandardInput() => Invocation?.StandardInput?.Invoke() ?? Console.OpenStandardInput();

    /// <summary>Writes one diagnostic line to stderr, made safe for a terminal.</summary>
    public Task WriteErrorLineAsync(string message) => Error.WriteLineAsync(Config.Core.Errors.InputSanitizer.ForTerminal(message));

    /// <inheritdoc cref="WriteErrorLineAsync"/>
    public void WriteErrorLine(string message) => Error.WriteLine(Config.Core.Errors.InputSanitizer.ForTerminal(message));
}
