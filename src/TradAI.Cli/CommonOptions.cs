using System.CommandLine;
using TradAI.Cli.Output;

namespace TradAI.Cli;

/// <summary>Options shared by many commands; recursive ones may be given anywhere on the command line.</summary>
internal static class CommonOptions
{
    /// <summary>Environment variable naming the local config folder.</summary>
    public const string StoreVariable = "TRADAI_CONFIG_DIR";

    /// <summary>The <c>--output</c> values, lowercase, as help and error messages show them.</summary>
    public static readonly string[] OutputFormats = ["json", "table", "yaml"];

    public static readonly Option<string?> Store = new("--store")
    {
        Description = $"Folder of the embedded config store (default: ${StoreVariable}, else ./configs)",
        Recursive = true,
    };

    /// <summary>
    /// No default value: a missing <c>--output</c> means "the result's own view" (a table, coloured lines or YAML),
    /// decided by <see cref="OutputPrinter"/> alone.
    /// </summary>
    public static readonly Option<OutputFormat?> Output = CreateOutput();

    /// <summary>The config folder in force: --store, then $TRADAI_CONFIG_DIR, then ./configs.</summary>
    public static string ResolveStore(CliContext context) =>
        context.Parse.GetValue(Store)
        ?? context.GetNonEmptyVariable(StoreVariable)
        ?? "configs";

    private static Option<OutputFormat?> CreateOutput()
    {
        var option = new Option<OutputFormat?>("--output", "-o")
        {
            Description = "Output format: yaml, json (machine-readable, the document only) or table",
            Recursive = true,
            HelpName = string.Join('|', OutputFormats),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                switch (text.ToLowerInvariant())
                {
                    case "yaml": return OutputFormat.Yaml;
                    case "json": return OutputFormat.Json;
                    case "table": return OutputFormat.Table;
                    default:
                        result.AddError($"'{Config.Core.Errors.InputSanitizer.Sanitize(text, 40)}' is not an output format; use one of: {string.Join(", ", OutputFormats)}");
                        return null;
                }
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(OutputFormats);
        return option;
    }
}
