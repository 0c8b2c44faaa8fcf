using Spectre.Console;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Output;

/// <summary>
/// The one printer: renders a <see cref="CommandOutput"/> as YAML, JSON (exactly one document on stdout) or a table,
/// and decides what a missing <c>--output</c> means — the result's lines, else its table when it is a listing, else YAML. Text meant for
/// a terminal passes <see cref="InputSanitizer.ForTerminal"/> here, so no stored value can inject escape sequences.
/// </summary>
internal static class OutputPrinter
{
    public static async Task PrintAsync(CliContext context, CommandOutput output)
    {
        var format = context.Format;
        switch (format)
        {
            case OutputFormat.Json:
                await context.Out.WriteLineAsync(ConfigJsonWriter.ToJson(output.Document)).ConfigureAwait(false);
                break;
            case OutputFormat.Yaml:
                await context.Out.WriteAsync(ConfigYamlWriter.ToYaml(output.Document)).ConfigureAwait(false);
                break;
            case OutputFormat.Table:
                await WriteTableAsync(context, output.Table ?? Flattened(output.Document)).ConfigureAwait(false);
                break;
            default:
                if (output.Lines is { } lines)
                {
                    WriteLines(context, lines);
                }
                else if (output is { TableByDefault: true, Table: { } table })
                {
                    await WriteTableAsync(context, table).ConfigureAwait(false);
                }
                else
                {
                    await context.Out.WriteAsync(ConfigYamlWriter.ToYaml(output.Document)).ConfigureAwait(false);
                }

                break;
        }

        foreach (var note in output.Notes)
        {
            await context.WriteErrorLineAsync(note).ConfigureAwait(false);
        }
    }

    /// <summary>A two-column table of every leaf path and its value.</summary>
    public static TableView Flattened(object? document) =>
        new(["Path", "Value"], [.. Flatten(document, string.Empty).Select(leaf => (IReadOnlyList<StyledText>)[leaf.Path, Render(leaf.Value)])]);

    public static IEnumerable<(string Path, object? Value)> Flatten(object? value, string path)
    {
        switch (value)
        {
            case ConfigMapping m when m.Count > 0:
                foreach (var (k, v) in m)
                {
                    foreach (var leaf in Flatten(v, ConfigPath.Child(path, k)))
                    {
                        yield return leaf;
                    }
                }

                break;
            case ConfigSequence q when q.Count > 0 && (path.Length == 0 || q.Any(i => i is ConfigMapping or ConfigSequence)):
                for (var i = 0; i < q.Count; i++)
                {
                    foreach (var leaf in Flatten(q[i], ConfigPath.Index(path, i)))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (path, value);
                break;
        }
    }

    /// <summary>A value as one line of text: scalars as YAML would show them, collections as compact JSON.</summary>
    public static string Render(object? value) => value switch
    {
        string s => s,
        ConfigSequence or ConfigMapping => ConfigJsonWriter.ToJson(value, indented: false),
        _ => ConfigValues.FormatScalar(value) switch { "None" => "null", "True" => "true", "False" => "false", var x => x },
    };

    private static void WriteLines(CliContext context, IReadOnlyList<StyledText> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        if (!context.OutputIsTerminal)
        {
            // Plain text needs no console: nothing to colour, no width to wrap at.
            foreach (var line in lines)
            {
                context.Out.WriteLine(InputSanitizer.ForTerminal(line.Text));
            }

            return;
        }

        var console = Terminal.Create(context.Out, isTerminal: true);
        foreach (var line in lines)
        {
            console.Write(Styled(line));
            console.WriteLine();
        }
    }

    private static async Task WriteTableAsync(CliContext context, TableView view)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (view.Title is { } title)
        {
            table.Title(Escape(title));
        }

        for (var i = 0; i < view.Columns.Count; i++)
        {
            var column = new TableColumn(Escape(view.Columns[i]));
            if (view.RightAligned.Contains(i))
            {
                column.RightAligned();
            }

            if (!context.OutputIsTerminal)
            {
                column.NoWrap();
            }

            table.AddColumn(column);
        }

        foreach (var row in view.Rows)
        {
            table.AddRow([.. row.Select(Styled)]);
        }

        var console = Terminal.Create(context.Out, context.OutputIsTerminal);
        console.Write(table);
        foreach (var line in view.Footer)
        {
            console.Write(Styled(line));
            console.WriteLine();
        }

        foreach (var note in view.Notes)
        {
            await context.WriteErrorLineAsync(note).ConfigureAwait(false);
        }
    }

    private static Markup Styled(StyledText text) => new(Escape(text.Text), text.Style is { } style ? Style.Parse(style) : null);

    private static string Escape(string text) => Markup.Escape(InputSanitizer.ForTerminal(text));
}
