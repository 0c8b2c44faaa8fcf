using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Commands;

/// <summary>Reads YAML documents named on the command line ("-" is standard input).</summary>
internal static class InputFiles
{
    public static async Task<ConfigMapping> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            var limit = YamlReadOptions.Default.MaxDocumentBytes;
            var buffer = new char[limit + 1];
            var stdin = Console.In;
            var total = 0;
            int read;
            while (total <= limit && (read = await stdin.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            if (total > limit)
            {
                throw new ConfigValidationException($"<stdin>: document is larger than the {limit:N0}-byte limit");
            }

            return YamlConfigReader.ParseMapping(new string(buffer, 0, total), "<stdin>");
        }

        return await YamlConfigReader.ReadFileAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
