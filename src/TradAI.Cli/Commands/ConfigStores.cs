using System.CommandLine;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Local.Storage;

namespace TradAI.Cli.Commands;

/// <summary>Builds the config store a command works on: the local folder, or S3 with <c>--backend aws</c>.</summary>
internal static class ConfigStores
{
    public static IConfigRepository Create(ParseResult result) =>
        BackendOptions.CreateConfigRepository(result, static r => new LocalConfigRepository(CommonOptions.ResolveStore(r)));

    /// <summary>Adds the backend options (<c>--backend</c>, <c>--bucket</c>, <c>--region</c>...) to a command group.</summary>
    public static Command WithBackendOptions(this Command command)
    {
        foreach (var option in BackendOptions.All)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
