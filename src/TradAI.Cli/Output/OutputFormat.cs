namespace TradAI.Cli.Output;

/// <summary>How a result is printed when <c>--output</c> is given; without it the printer picks the result's own view.</summary>
internal enum OutputFormat
{
    Yaml,
    Json,
    Table,
}
