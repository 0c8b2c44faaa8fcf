using System.CommandLine;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Local.Storage;

namespace TradAI.Cli.Commands;

/// <summary>Builds the config store a command works on from the command line and environment.</summary>
internal static class ConfigStores
{
    public static IConfigRepository Create(ParseResult result) => new LocalConfigRepository(CommonOptions.ResolveStore(result));
}
