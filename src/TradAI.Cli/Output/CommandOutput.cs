namespace TradAI.Cli.Output;

/// <summary>
/// What a command produced, built once and handed to <see cref="OutputPrinter"/>: the document that <c>-o yaml</c> and
/// <c>-o json</c> print (a config tree: <c>ConfigMapping</c>, <c>ConfigSequence</c> or a scalar), and optionally the
/// human views — lines and a table — plus the exit code and the diagnostics for stderr.
/// </summary>
internal sealed record CommandOutput(object? Document)
{
    /// <summary>Lines shown when no <c>--output</c> is given (messages, coloured diffs); null shows the default table or YAML.</summary>
    public IReadOnlyList<StyledText>? Lines { get; init; }

    /// <summary>The <c>-o table</c> view; null flattens <see cref="Document"/> to path/value rows.</summary>
    public TableView? Table { get; init; }

    /// <summary>Whether <see cref="Table"/> is also what a missing <c>--output</c> shows (listings, comparisons), rather than YAML.</summary>
    public bool TableByDefault { get; init; }

    /// <summary>Diagnostics for stderr in every format (stdout keeps only the result).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int ExitCode { get; init; } = ExitCodes.Ok;

    /// <summary>A result whose default view is one message line.</summary>
    public static CommandOutput Message(object? document, string message) => new(document) { Lines = [message] };

    /// <summary>A result that prints nothing on stdout by default and says what it did on stderr.</summary>
    public static CommandOutput Quiet(object? document, string note) => new(document) { Lines = [], Notes = [note] };
}
