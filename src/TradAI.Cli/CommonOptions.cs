using System.CommandLine;

namespace TradAI.Cli;

/// <summary>Options shared by many commands; recursive ones may be given anywhere on the command line.</summary>
internal static class CommonOptions
{
    /// <summary>Environment variable naming the local config folder.</summary>
    public const string StoreVariable = "TRADAI_CONFIG_DIR";

    public static readonly Option<string?> Store = new("--store")
    {
        Description = $"Folder of the embedded config store (default: ${StoreVariable}, else ./configs)",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "Output format: yaml, json (machine-readable, the document only) or table",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Yaml,
    };

    /// <summary>The config folder in force: --store, then $TRADAI_CONFIG_DIR, then ./configs.</summary>
    public static string ResolveStore(ParseResult result) =>
        result.GetValue(Store)
        ?? (Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } env ? env : "configs");
}

/// <summary>How results are printed.</summary>
internal enum OutputFormat
{
    Yaml,
    Json,
    Table,
}
