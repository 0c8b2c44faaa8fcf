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

    public static readonly Option<string[]> SetOption = new("--set", "-s")
    {
        Description = "Hydra override: key=value, +key=value (add), ++key=value (add or change), ~key (delete). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

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

    private static Command List()
    {
        var cmd = new Command("list", "List config names, sorted");
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var names = await ConfigStores.Create(result).ListAsync(ct).ConfigureAwait(false);
            var format = result.GetValue(CommonOptions.Output);
            if (format == OutputFormat.Json)
            {
                await CliRunner.Out.WriteLineAsync(Json.StringArray(names)).ConfigureAwait(false);
            }
            else
            {
                foreach (var n in names)
                {
                    await CliRunner.Out.WriteLineAsync(n).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Show()
    {
        var resolve = new Option<bool>("--resolve") { Description = "Resolve ${...} interpolations before printing" };
        var cmd = new Command("show", "Print a stored config") { NameArgument, resolve };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var doc = await ConfigStores.Create(result).DownloadAsync(result.GetValue(NameArgument)!, ct).ConfigureAwait(false);
            if (result.GetValue(resolve))
            {
                doc = InterpolationResolver.Resolve(doc);
            }

            await ConfigPrinter.PrintAsync(doc, result.GetValue(CommonOptions.Output)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Put()
    {
        var file = new Option<string>("--file", "-f") { Description = "YAML file to store ('-' reads standard input)", Required = true };
        var merge = new Option<string?>("--merge") { Description = "Merge into the stored config instead of replacing it: shallow or deep" };
        merge.AcceptOnlyFromAmong("shallow", "deep");
        var validate = new Option<bool>("--validate") { Description = "Refuse the document unless it is a valid strategy config" };
        var cmd = new Command("put", "Store a config (atomically replacing any previous one)") { NameArgument, file, merge, validate };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var name = ConfigNames.Validate(result.GetValue(NameArgument));
            var doc = await InputFiles.ReadAsync(result.GetValue(file)!, ct, InputFiles.ToStore).ConfigureAwait(false);
            var store = ConfigStores.Create(result);
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

            await CliRunner.Error.WriteLineAsync($"stored {name}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Delete()
    {
        var cmd = new Command("delete", "Delete a stored config") { NameArgument };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var name = result.GetValue(NameArgument)!;
            await ConfigStores.Create(result).DeleteAsync(name, ct).ConfigureAwait(false);
            await CliRunner.Error.WriteLineAsync($"deleted {ConfigNames.Validate(name)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Exists()
    {
        var cmd = new Command("exists", "Print true/false; exit 0 when the config exists, 3 when it does not") { NameArgument };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var exists = await ConfigStores.Create(result).ExistsAsync(result.GetValue(NameArgument)!, ct).ConfigureAwait(false);
            await CliRunner.Out.WriteLineAsync(exists ? "true" : "false").ConfigureAwait(false);
            return exists ? ExitCodes.Ok : ExitCodes.NotFound;
        }));
        return cmd;
    }

    private static Command Validate()
    {
        var cmd = new Command("validate", "Validate a stored config (with optional overrides) against the strategy schema") { NameArgument, SetOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var loader = new StrategyConfigLoader(ConfigStores.Create(result));
            var strategy = await loader.LoadWithOverridesAsync(result.GetValue(NameArgument)!, result.GetValue(SetOption) ?? [], ct).ConfigureAwait(false);
            await CliRunner.Out.WriteLineAsync($"valid: {strategy.Name} {strategy.Version}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Merge()
    {
        var files = new Argument<string[]>("files") { Description = "YAML files, merged left to right (later files win)", Arity = ArgumentArity.OneOrMore };
        var validate = new Option<bool>("--validate") { Description = "Also validate the result against the strategy schema" };
        var structMode = new Option<bool>("--struct") { Description = "Struct mode: later files may only set keys the first file has (every unknown key is reported)" };
        var cmd = new Command("merge", "Deep-merge plain YAML files and overrides (no store involved)") { files, SetOption, validate, structMode };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var docs = new List<ConfigMapping>();
            foreach (var f in result.GetValue(files)!)
            {
                docs.Add(await InputFiles.ReadAsync(f, ct).ConfigureAwait(false));
            }

            var merged = ConfigMerger.Merge(docs, result.GetValue(structMode) ? MergeOptions.Struct : MergeOptions.Default);
            merged = OverrideApplier.Apply(merged, result.GetValue(SetOption) ?? []);
            merged = InterpolationResolver.Resolve(merged);
            if (result.GetValue(validate))
            {
                StrategyConfigLoader.Bind(merged);
            }

            await ConfigPrinter.PrintAsync(merged, result.GetValue(CommonOptions.Output)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
