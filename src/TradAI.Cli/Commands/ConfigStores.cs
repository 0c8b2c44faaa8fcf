using System.CommandLine;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Local.Storage;

namespace TradAI.Cli.Commands;

/// <summary>Builds the config store a command works on: the local folder, or S3 with <c>--backend aws</c>.</summary>
internal static class ConfigStores
{
    public static IConfigRepository Create(CliContext context) => BackendOptions.CreateConfigRepository(context, Local);

    /// <summary>The embedded folder store named by --store / TRADAI_CONFIG_DIR / ./configs.</summary>
    public static IConfigRepository Local(CliContext context) => new LocalConfigRepository(CommonOptions.ResolveStore(context));

    /// <summary>Adds <c>--store</c> and the backend options (<c>--backend</c>, <c>--bucket</c>, <c>--region</c>...) to a group that reads the config store.</summary>
    public static Command WithBackendOptions(this Command command)
    {
        command.Options.Add(CommonOptions.Store);
        return command.WithOptions(BackendOptions.All);
    }

    /// <summary>Adds <paramref name="options"/> to <paramref name="command"/>.</summary>
    public static Command WithOptions(this Command command, IEnumerable<Option> options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
