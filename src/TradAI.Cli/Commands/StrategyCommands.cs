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
        var strategy = new Command("strategy", "Load validated strategy configs").WithBackendOptions();
        strategy.Subcommands.Add(Load());
        return strategy;
    }

    private static Command Load()
    {
        var name = new Argument<string>("name") { Description = "Strategy config name in the store" };
        var overridesFile = new Option<string[]>("--overrides") { Description = "YAML file deep-merged over the stored config (repeatable, applied in order, before --set)" };
        var fromMlflow = new Option<bool>("--from-mlflow") { Description = "Resolve the config through the MLflow model registry (MLFLOW_TRACKING_URI): model tags name the config and add overrides" };
        var stage = new Option<string>("--stage") { Description = "Model stage for --from-mlflow", DefaultValueFactory = _ => StrategyConfigLoader.DefaultStage };
        var fallback = new Option<bool>("--fallback") { Description = "With --from-mlflow: on any registry failure, load straight from the store (the reason goes to stderr)" };
        var cmd = new Command("load", "Load a strategy: store -> merge overrides -> resolve -> validate; prints the merged config")
        {
            name, overridesFile, ConfigCommands.SetOption, fromMlflow, stage, fallback,
        };
        return cmd.WithAction(async (context, ct) =>
        {
            var result = context.Parse;
            ConfigMapping? overrides = null;
            foreach (var file in result.GetValue(overridesFile) ?? [])
            {
                var doc = await InputFiles.ReadAsync(context, file, ct).ConfigureAwait(false);
                overrides = overrides is null ? doc : Config.Core.Merging.ConfigMerger.Merge(overrides, doc);
            }

            var sets = result.GetValue(ConfigCommands.SetOption) ?? [];
            StrategyConfig config;
            if (result.GetValue(fromMlflow))
            {
                if (overrides is not null || sets.Length > 0)
                {
                    throw new UsageException("--overrides and --set cannot be combined with --from-mlflow (the registry's tags are the overrides)");
                }

                var loader = BackendOptions.CreateStrategyLoader(context, ConfigStores.Local, new StderrLogger<StrategyConfigLoader>(context));
                config = result.GetValue(fallback)
                    ? await loader.LoadWithFallbackAsync(result.GetValue(name)!, result.GetValue(stage)!, ct).ConfigureAwait(false)
                    : await loader.LoadFromMlflowAsync(result.GetValue(name)!, result.GetValue(stage)!, ct).ConfigureAwait(false);
            }
            else
            {
                if (result.GetValue(fallback))
                {
                    throw new UsageException("--fallback only applies with --from-mlflow");
                }

                var loader = new StrategyConfigLoader(ConfigStores.Create(context));
                config = await loader.LoadWithOverridesAsync(result.GetValue(name)!, overrides, sets, ct).ConfigureAwait(false);
            }

            return new CommandOutput(config.Document);
        });
    }
}
