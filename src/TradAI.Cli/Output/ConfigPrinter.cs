using Spectre.Console;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Output;

/// <summary>Prints config documents in the chosen format; JSON and YAML go straight to stdout with nothing else.</summary>
internal static class ConfigPrinter
{
    public static async Task PrintAsync(object? document, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                await CliRunner.Out.WriteLineAsync(ConfigJsonWriter.ToJson(document)).ConfigureAwait(false);
                break;
            case OutputFormat.Table:
                PrintTable(document);
                break;
            default:
                await CliRunner.Out.WriteAsync(ConfigYamlWriter.ToYaml(document)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A two-column table of every leaf path and its value.</summary>
    public static void PrintTable(object? document)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Path").AddColumn("Value");
        foreach (var (path, value) in Flatten(document, string.Empty))
        {
            table.AddRow(Markup.Escape(path), Markup.Escape(Render(value)));
        }

        Terminal.Out.Write(table);
    }

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
            case ConfigSequence q when q.Count > 0 && q.Any(i => i is ConfigMapping or ConfigSequence):
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

    public static string Render(object? value) => value switch
    {
        string s => s,
        ConfigSequence or ConfigMapping => ConfigJsonWriter.ToJson(value, indented: false),
        _ => ConfigValues.FormatScalar(value) switch { "None" => "null", "True" => "true", "False" => "false", var x => x },
    };
}
