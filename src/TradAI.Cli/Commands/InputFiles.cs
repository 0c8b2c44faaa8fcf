using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Commands;

/// <summary>Reads YAML documents named on the command line ("-" is standard input), bounded and as strict UTF-8.</summary>
internal static class InputFiles
{
    /// <summary>What commands that store the document read with: an empty input is refused, not stored as <c>{}</c>.</summary>
    public static readonly YamlReadOptions ToStore = YamlReadOptions.Default with { AllowEmptyDocument = false };

    public static async Task<ConfigMapping> ReadAsync(CliContext context, string path, CancellationToken cancellationToken, YamlReadOptions? options = null)
    {
        options ??= YamlReadOptions.Default;
        if (path == "-")
        {
            // The raw stream, not Console.In: its decoder would turn invalid bytes into U+FFFD.
            var stdin = context.OpenStandardInput();
            var text = await Utf8Input.ReadAsync(stdin, options.MaxDocumentBytes, "<stdin>", cancellationToken).ConfigureAwait(false);
            return YamlConfigReader.ParseMapping(text, "<stdin>", options);
        }

        return await YamlConfigReader.ReadFileAsync(path, options, cancellationToken).ConfigureAwait(false);
    }
}
