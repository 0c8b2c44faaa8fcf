using System.CommandLine;
using TradAI.Cli;
using TradAI.Cli.Commands;

var root = new RootCommand("TradAI Config: strategy configs, versions, secrets, service settings and infrastructure config.");
root.Options.Add(CommonOptions.Store);
root.Options.Add(CommonOptions.Output);
root.Subcommands.Add(ConfigCommands.Create());
root.Subcommands.Add(StrategyCommands.Create());
root.Subcommands.Add(VersionCommands.Create());
root.Subcommands.Add(SecretCommands.Create());
root.Subcommands.Add(SettingsCommands.Create());
root.Subcommands.Add(InfraCommands.Create());
root.Subcommands.Add(ServeCommand.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"usage error: {error.Message}");
    }

    Console.Error.WriteLine("Run 'tradai --help' for usage.");
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();
