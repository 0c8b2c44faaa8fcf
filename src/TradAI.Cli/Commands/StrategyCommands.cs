using System.CommandLine;
using TradAI.Cli.Output;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Commands;

/// <summary><c>tradai strategy ...</c>: load validated strategy configs.</summary>
internal static class StrategyCommands
{
    public static Command Create()
    {
        var strategy = new Command("strategy", "Load validated strategy configs");
        strategy.Subcommands.Add(Load());
        return strategy;
    }

    private static Command Load()
    {
        var name = new Argument<string>("name") { Description = "Strategy config name in the store" };
        var overridesFile = new Option<string[]>("--overrides") { Description = "YAML file deep-merged over the stored config (repeatable, applied in order, before --set)" };
        var cmd = new Command("load", "Load a strategy: store -> merge overrides -> resolve -> validate; prints the merged config")
        {
            name, overridesFile, ConfigCommands.SetOption,
        };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            ConfigMapping? overrides = null;
            foreach (var file in result.GetValue(overridesFile) ?? [])
            {
                var doc = await InputFiles.ReadAsync(file, ct).ConfigureAwait(false);
                overrides = overrides is null ? doc : Config.Core.Merging.ConfigMerger.Merge(overrides, doc);
            }

            var loader = new StrategyConfigLoader(ConfigStores.Create(result));
            var config = await loader.LoadWithOverridesAsync(result.GetValue(name)!, overrides, result.GetValue(ConfigCommands.SetOption), ct).ConfigureAwait(false);
            await ConfigPrinter.PrintAsync(config.Document, result.GetValue(CommonOptions.Output)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
