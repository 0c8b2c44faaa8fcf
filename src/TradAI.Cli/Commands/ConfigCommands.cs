using System.CommandLine;
using TradAI.Cli.Output;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Commands;

/// <summary><c>tradai config ...</c>: the config store, and merging plain files.</summary>
internal static class ConfigCommands
{
    private static readonly Argument<string> NameArgument = new("name") { Description = "Config name (without .yaml)" };

    public static readonly Option<string[]> SetOption = new Option<string[]>("--set", "-s")
    {
        Description = "Hydra override: key=value, +key=value (add), ++key=value (add or change), ~key (delete). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    }.CheckOverrides();

    public static Command Create()
    {
        var config = new Command("config", "Read, write and merge strategy configs in the config store").WithBackendOptions();
        config.Subcommands.Add(List());
        config.Subcommands.Add(Show());
        config.Subcommands.Add(Put());
        config.Subcommands.Add(Delete());
        config.Subcommands.Add(Exists());
        config.Subcommands.Add(Validate());
        config.Subcommands.Add(Merge());
        return config;
    }

    private static Command List() =>
        new Command("list", "List config names, sorted").WithAction(async (context, ct) =>
        {
            var names = await ConfigStores.Create(context).ListAsync(ct).ConfigureAwait(false);
            return new CommandOutput(ConfigSequence.From(names))
            {
                Lines = [.. names.Select(n => new StyledText(n))],
                Table = new TableView(["Name"], [.. names.Select(n => (IReadOnlyList<StyledText>)[n])]),
            };
        });

    private static Command Show()
    {
        var resolve = new Option<bool>("--resolve") { Description = "Resolve ${...} interpolations before printing" };
        return new Command("show", "Print a stored config") { NameArgument, resolve }.WithAction(async (context, ct) =>
        {
            var doc = await ConfigStores.Create(context).DownloadAsync(context.Parse.GetValue(NameArgument)!, ct).ConfigureAwait(false);
            return new CommandOutput(context.Parse.GetValue(resolve) ? InterpolationResolver.Resolve(doc) : doc);
        });
    }

    private static Command Put()
    {
        var file = new Option<string>("--file", "-f") { Description = "YAML file to store ('-' reads standard input)", Required = true };
        var merge = new Option<string?>("--merge") { Description = "Merge into the stored config instead of replacing it: shallow or deep" };
        merge.AcceptOnlyFromAmong("shallow", "deep");
        var validate = new Option<bool>("--validate") { Description = "Refuse the document unless it is a valid strategy config" };
        return new Command("put", "Store a config (atomically replacing any previous one)") { NameArgument, file, merge, validate }.WithAction(async (context, ct) =>
        {
            var result = context.Parse;
            var name = ConfigNames.Validate(result.GetValue(NameArgument));
            var doc = await InputFiles.ReadAsync(context, result.GetValue(file)!, ct, InputFiles.ToStore).ConfigureAwait(false);
            var store = ConfigStores.Create(context);
            var mode = result.GetValue(merge);
            Action<ConfigMapping>? check = result.GetValue(validate) ? merged => StrategyConfigLoader.Bind(InterpolationResolver.Resolve(merged)) : null;
            if (mode is not null)
            {
                // A conditional read-modify-write: a concurrent writer's change is merged, never lost.
                await store.MergeAndUploadAsync(name, doc, mode == "deep" ? MergeMode.Deep : MergeMode.Shallow, check, ct).ConfigureAwait(false);
            }
            else
            {
                check?.Invoke(doc);
                await store.UploadAsync(name, doc, ct).ConfigureAwait(false);
            }

            return CommandOutput.Quiet(ConfigMapping.Of(("name", name), ("stored", true)), $"stored {name}");
        });
    }

    private static Command Delete() =>
        new Command("delete", "Delete a stored config") { NameArgument }.WithAction(async (context, ct) =>
        {
            var name = context.Parse.GetValue(NameArgument)!;
            await ConfigStores.Create(context).DeleteAsync(name, ct).ConfigureAwait(false);
            var clean = ConfigNames.Validate(name);
            return CommandOutput.Quiet(ConfigMapping.Of(("name", clean), ("deleted", true)), $"deleted {clean}");
        });

    private static Command Exists() =>
        new Command("exists", "Print true/false; exit 0 when the config exists, 3 when it does not") { NameArgument }.WithAction(async (context, ct) =>
        {
            var exists = await ConfigStores.Create(context).ExistsAsync(context.Parse.GetValue(NameArgument)!, ct).ConfigureAwait(false);
            return CommandOutput.Message(exists, exists ? "true" : "false") with { ExitCode = exists ? ExitCodes.Ok : ExitCodes.NotFound };
        });

    private static Command Validate() =>
        new Command("validate", "Validate a stored config (with optional overrides) against the strategy schema") { NameArgument, SetOption }.WithAction(async (context, ct) =>
        {
            var loader = new StrategyConfigLoader(ConfigStores.Create(context));
            var strategy = await loader.LoadWithOverridesAsync(context.Parse.GetValue(NameArgument)!, context.Parse.GetValue(SetOption) ?? [], ct).ConfigureAwait(false);
            var doc = ConfigMapping.Of(("valid", true), ("name", strategy.Name), ("version", strategy.Version));
            return CommandOutput.Message(doc, $"valid: {strategy.Name} {strategy.Version}");
        });

    private static Command Merge()
    {
        var files = new Argument<string[]>("files") { Description = "YAML files, merged left to right (later files win)", Arity = ArgumentArity.OneOrMore };
        var validate = new Option<bool>("--validate") { Description = "Also validate the result against the strategy schema" };
        var structMode = new Option<bool>("--struct") { Description = "Struct mode: later files may only set keys the first file has (every unknown key is reported)" };
        return new Command("merge", "Deep-merge plain YAML files and overrides (no store involved)") { files, SetOption, validate, structMode }.WithAction(async (context, ct) =>
        {
            var result = context.Parse;
            var docs = new List<ConfigMapping>();
            foreach (var f in result.GetValue(files)!)
            {
                docs.Add(await InputFiles.ReadAsync(context, f, ct).ConfigureAwait(false));
            }

            var merged = ConfigMerger.Merge(docs, result.GetValue(structMode) ? MergeOptions.Struct : MergeOptions.Default);
            merged = OverrideApplier.Apply(merged, result.GetValue(SetOption) ?? []);
            merged = InterpolationResolver.Resolve(merged);
            if (result.GetValue(validate))
            {
                StrategyConfigLoader.Bind(merged);
            }

            return new CommandOutput(merged);
        });
    }
}
