using System.CommandLine;
using Spectre.Console;
using TradAI.Cli.Output;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Tables;

namespace TradAI.Cli.Commands;

/// <summary>
/// <c>tradai version ...</c>: content-addressed config versions with a lifecycle, on the embedded SQLite store
/// (<c>&lt;store&gt;/.tradai/versions.db</c>, the default) or DynamoDB (<c>--backend aws</c>).
/// </summary>
internal static class VersionCommands
{
    public const string TableVariable = "TRADAI_VERSIONS_TABLE";

    private static readonly Argument<string> StrategyArgument = new("strategy") { Description = "Strategy name" };
    private static readonly Argument<string> ConfigIdArgument = new("config-id") { Description = "Version id, e.g. v3-a1b2c3d4" };

    private static readonly Option<string?> TableOption = new("--table")
    {
        Description = $"DynamoDB table (aws backend; env {TableVariable}, default: the stacks' versions table of ${BackendOptions.EnvironmentVariable}, tradai-config-versions-dev by default)",
        Recursive = true,
    };

    private static readonly Option<bool> CreateTableOption = new("--create-table")
    {
        Description = "Create the versions table from the schema when it is missing (tests and emulators; a deployment gets it from the persistent stack)",
        Recursive = true,
    };

    private static readonly Option<bool> ShowRequestsOption = new("--show-requests")
    {
        Description = "Print how many DynamoDB requests the command made, per API, to stderr (aws backend)",
        Recursive = true,
    };

    private static readonly Option<string?> CreatedByOption = new("--created-by") { Description = "Who creates the version (default: the OS user name)" };

    public static Command Create()
    {
        var version = new Command("version", "Content-addressed config versions: create, list, activate, deprecate, diff, roll back")
        {
            TableOption, CreateTableOption, ShowRequestsOption,
        };
        version.WithBackendOptions();
        version.Subcommands.Add(CreateCommand());
        version.Subcommands.Add(ListCommand());
        version.Subcommands.Add(ShowCommand());
        version.Subcommands.Add(ActiveCommand());
        version.Subcommands.Add(ActivateCommand());
        version.Subcommands.Add(DeprecateCommand());
        version.Subcommands.Add(DiffCommand());
        version.Subcommands.Add(RollbackCommand());
        return version;
    }

    private static Command CreateCommand()
    {
        var config = new Option<string?>("--config", "-c") { Description = "Name of a config in the config store (see --store)" };
        var file = new Option<string?>("--file", "-f") { Description = "YAML/JSON file with the config ('-' reads standard input)" };
        var cmd = new Command("create", "Create a draft version of a config (returns the existing draft/active version when the content is the same)")
        {
            StrategyArgument, config, file, CreatedByOption,
        };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var configName = result.GetValue(config);
            var filePath = result.GetValue(file);
            if ((configName is null) == (filePath is null))
            {
                throw new UsageException("give exactly one of --config NAME or --file FILE");
            }

            var content = configName is not null
                ? await ConfigStores.Create(result).DownloadAsync(configName, ct).ConfigureAwait(false)
                : await InputFiles.ReadAsync(filePath!, ct, InputFiles.ToStore).ConfigureAwait(false);
            return await WithServiceAsync(result, write: true, async service =>
            {
                var write = await service.CreateAsync(result.GetValue(StrategyArgument)!, content, CreatedBy(result), ct).ConfigureAwait(false);
                await PrintWriteAsync(result, write, write.Created
                    ? $"created {write.Version.ConfigId} ({write.Version.Status.ToWire()})"
                    : $"unchanged: the same content is {write.Version.ConfigId} ({write.Version.Status.ToWire()})").ConfigureAwait(false);
            }).ConfigureAwait(false);
        }));
        return cmd;
    }

    private static Command ListCommand()
    {
        var status = new Option<string?>("--status") { Description = "Only versions in this status: draft, active or deprecated" };
        var limit = new Option<int>("--limit", "-n") { Description = "Page size (1-1000)", DefaultValueFactory = _ => ConfigVersionService.DefaultPageSize };
        var next = new Option<string?>("--next-token") { Description = "Continuation token printed by the previous page" };
        var cmd = new Command("list", "List versions, newest first by version number") { StrategyArgument, status, limit, next };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: false, async service =>
        {
            var filter = result.GetValue(status) is { } s ? ConfigVersionStatusNames.Parse(s) : (ConfigVersionStatus?)null;
            var page = await service.ListAsync(result.GetValue(StrategyArgument)!, filter, result.GetValue(limit), result.GetValue(next), ct).ConfigureAwait(false);
            switch (ExplicitFormat(result))
            {
                case OutputFormat.Json:
                    await CliRunner.Out.WriteLineAsync(Json.Write(w =>
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("versions");
                        w.WriteStartArray();
                        foreach (var v in page.Items)
                        {
                            ConfigJsonWriter.Write(w, Summary(v, includeData: false));
                        }

                        w.WriteEndArray();
                        w.WriteString("next_token", page.ContinuationToken);
                        w.WriteEndObject();
                    })).ConfigureAwait(false);
                    break;
                case OutputFormat.Yaml:
                    var doc = ConfigMapping.Of(
                        ("versions", ConfigSequence.From(page.Items.Select(v => (object?)Summary(v, includeData: false)))),
                        ("next_token", page.ContinuationToken));
                    await CliRunner.Out.WriteAsync(ConfigYamlWriter.ToYaml(doc)).ConfigureAwait(false);
                    break;
                default:
                    var table = new Table().Border(TableBorder.Rounded)
                        .AddColumn("Config id").AddColumn("Status").AddColumn("Created").AddColumn("By").AddColumn("Deployed").AddColumn("Superseded by");
                    foreach (var v in page.Items)
                    {
                        table.AddRow(
                            Markup.Escape(v.ConfigId), StatusMarkup(v.Status), Markup.Escape(Time(v.CreatedAt)), Markup.Escape(v.CreatedBy),
                            Markup.Escape(v.DeployedAt is { } d ? Time(d) : "-"), Markup.Escape(v.SupersededBy ?? "-"));
                    }

                    Terminal.Out.Write(table);
                    if (page.ContinuationToken is not null)
                    {
                        await CliRunner.Error.WriteLineAsync($"more: --next-token {page.ContinuationToken}").ConfigureAwait(false);
                    }

                    break;
            }
        })));
        return cmd;
    }

    private static Command ShowCommand()
    {
        var cmd = new Command("show", "Print one version: its metadata and config") { StrategyArgument, ConfigIdArgument };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: false, async service =>
        {
            var v = await service.GetAsync(result.GetValue(StrategyArgument)!, result.GetValue(ConfigIdArgument)!, ct).ConfigureAwait(false);
            await ConfigPrinter.PrintAsync(Summary(v, includeData: true), result.GetValue(CommonOptions.Output)).ConfigureAwait(false);
        })));
        return cmd;
    }

    private static Command ActiveCommand()
    {
        var cmd = new Command("active", "Print the active version of a strategy (exit 3 when none is active)") { StrategyArgument };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: false, async service =>
        {
            var v = await service.GetActiveAsync(result.GetValue(StrategyArgument)!, ct).ConfigureAwait(false);
            await ConfigPrinter.PrintAsync(Summary(v, includeData: true), result.GetValue(CommonOptions.Output)).ConfigureAwait(false);
        })));
        return cmd;
    }

    private static Command ActivateCommand()
    {
        var cmd = new Command("activate", "Activate a draft; the previously active version is deprecated in the same atomic step") { StrategyArgument, ConfigIdArgument };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: true, async service =>
        {
            var write = await service.ActivateAsync(result.GetValue(StrategyArgument)!, result.GetValue(ConfigIdArgument)!, ct).ConfigureAwait(false);
            await PrintWriteAsync(result, write, $"activated {write.Version.ConfigId}"
                + (write.Deprecated is { } d ? $"; deprecated {d.ConfigId}" : string.Empty)).ConfigureAwait(false);
        })));
        return cmd;
    }

    private static Command DeprecateCommand()
    {
        var cmd = new Command("deprecate", "Deprecate a draft or the active version (removed by TTL after 90 days)") { StrategyArgument, ConfigIdArgument };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: true, async service =>
        {
            var v = await service.DeprecateAsync(result.GetValue(StrategyArgument)!, result.GetValue(ConfigIdArgument)!, ct).ConfigureAwait(false);
            await PrintWriteAsync(result, new ConfigVersionWrite(v, Created: false), $"deprecated {v.ConfigId}").ConfigureAwait(false);
        })));
        return cmd;
    }

    private static Command DiffCommand()
    {
        var from = new Argument<string>("from") { Description = "Older version id" };
        var to = new Argument<string>("to") { Description = "Newer version id" };
        var cmd = new Command("diff", "Structural diff of two versions' config: added, removed and changed paths") { StrategyArgument, from, to };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: false, async service =>
        {
            var diff = await service.DiffAsync(result.GetValue(StrategyArgument)!, result.GetValue(from)!, result.GetValue(to)!, ct).ConfigureAwait(false);
            if (ExplicitFormat(result) == OutputFormat.Json)
            {
                await CliRunner.Out.WriteLineAsync(Json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("from", diff.FromConfigId);
                    w.WriteString("to", diff.ToConfigId);
                    w.WritePropertyName("changes");
                    w.WriteStartArray();
                    foreach (var e in diff.Entries)
                    {
                        w.WriteStartObject();
                        w.WriteString("path", e.Path);
                        w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
                        if (e.Kind != ConfigDiffKind.Added)
                        {
                            w.WritePropertyName("old");
                            ConfigJsonWriter.Write(w, e.OldValue);
                        }

                        if (e.Kind != ConfigDiffKind.Removed)
                        {
                            w.WritePropertyName("new");
                            ConfigJsonWriter.Write(w, e.NewValue);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                })).ConfigureAwait(false);
                return;
            }

            var console = Terminal.Out;
            console.MarkupLine($"[bold]--- {Markup.Escape(diff.FromConfigId)}[/]");
            console.MarkupLine($"[bold]+++ {Markup.Escape(diff.ToConfigId)}[/]");
            if (diff.IsEmpty)
            {
                console.MarkupLine("[grey]no differences[/]");
            }

            foreach (var e in diff.Entries)
            {
                var path = Markup.Escape(e.Path.Length == 0 ? "(root)" : e.Path);
                console.MarkupLine(e.Kind switch
                {
                    ConfigDiffKind.Added => $"[green]+ {path}: {Markup.Escape(ConfigPrinter.Render(e.NewValue))}[/]",
                    ConfigDiffKind.Removed => $"[red]- {path}: {Markup.Escape(ConfigPrinter.Render(e.OldValue))}[/]",
                    _ => $"[yellow]~ {path}: {Markup.Escape(ConfigPrinter.Render(e.OldValue))} -> {Markup.Escape(ConfigPrinter.Render(e.NewValue))}[/]",
                });
            }
        })));
        return cmd;
    }

    private static Command RollbackCommand()
    {
        var to = new Option<string>("--to") { Description = "Version whose content to bring back", Required = true };
        var cmd = new Command("rollback", "Create a new version with an earlier version's content and activate it atomically") { StrategyArgument, to, CreatedByOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(() => WithServiceAsync(result, write: true, async service =>
        {
            var write = await service.RollbackAsync(result.GetValue(StrategyArgument)!, result.GetValue(to)!, CreatedBy(result), ct).ConfigureAwait(false);
            var message = write switch
            {
                { Created: true } => $"rolled back: created and activated {write.Version.ConfigId}",
                { Deprecated: not null } => $"rolled back: activated the draft {write.Version.ConfigId} holding that content",
                _ => $"unchanged: {write.Version.ConfigId} with that content is already active",
            };
            await PrintWriteAsync(result, write, message + (write.Deprecated is { } d ? $"; deprecated {d.ConfigId}" : string.Empty)).ConfigureAwait(false);
        })));
        return cmd;
    }

    // ---- backends ----

    private static async Task<int> WithServiceAsync(ParseResult result, bool write, Func<ConfigVersionService, Task> body)
    {
        if (!BackendOptions.IsAws(result))
        {
            await body(new ConfigVersionService(SqliteConfigVersionRepository.ForStore(CommonOptions.ResolveStore(result)))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var options = BackendOptions.Aws(result, "dynamodb");
        var explicitTable = result.GetValue(TableOption) ?? (Environment.GetEnvironmentVariable(TableVariable) is { Length: > 0 } t ? t : null);
        var deployed = explicitTable is null ? BackendOptions.Deployed().Config : null;
        var table = explicitTable ?? deployed!.Storage.Table(VersionsTable.Key).Name;
        var counter = new DynamoDbRequestCounter();
        using var client = counter.CreateCountingClient(new AwsClientFactory(options));
        try
        {
            await body(new ConfigVersionService(new DynamoDbConfigVersionRepository(client, table, createTableIfMissing: result.GetValue(CreateTableOption)))).ConfigureAwait(false);
        }
        catch (ExternalServiceException ex) when (ex.ErrorCode == DynamoDbVersionTable.MissingTableErrorCode)
        {
            // Say which table was expected and how it comes to exist.
            var how = deployed is null
                ? $"check --table / {TableVariable}, or pass --create-table to create it (tests and emulators)"
                : $"deploy the {deployed.Env.ToName()} stacks first (cd infra && npx aws-cdk deploy {deployed.Environment.StackName("persistent")} -c environment={deployed.Env.ToName()}), "
                  + "or pass --table NAME; --create-table creates it here (tests and emulators)";
            throw new ExternalServiceException("dynamodb", $"{ex.Message}: {how}", ex) { ErrorCode = ex.ErrorCode };
        }
        finally
        {
            if (result.GetValue(ShowRequestsOption))
            {
                await CliRunner.Error.WriteLineAsync(
                    $"dynamodb requests: {counter.Total} ({string.Join(", ", counter.Snapshot().Select(kv => $"{kv.Key} {kv.Value}"))})").ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }

    // ---- output ----

    /// <summary>The format the user asked for; null when --output was not given (tables and coloured text then).</summary>
    private static OutputFormat? ExplicitFormat(ParseResult result) =>
        result.GetResult(CommonOptions.Output) is { Implicit: false } ? result.GetValue(CommonOptions.Output) : null;

    private static async Task PrintWriteAsync(ParseResult result, ConfigVersionWrite write, string message)
    {
        var format = ExplicitFormat(result);
        if (format is null or OutputFormat.Table)
        {
            await CliRunner.Out.WriteLineAsync(message).ConfigureAwait(false);
            return;
        }

        var doc = ConfigMapping.Of(
            ("version", Summary(write.Version, includeData: false)),
            ("created", write.Created),
            ("deprecated", write.Deprecated is { } d ? Summary(d, includeData: false) : null));
        await ConfigPrinter.PrintAsync(doc, format.Value).ConfigureAwait(false);
    }

    private static ConfigMapping Summary(ConfigVersion v, bool includeData)
    {
        var m = ConfigMapping.Of(
            ("strategy_name", v.StrategyName),
            ("config_id", v.ConfigId),
            ("version_number", (long)v.VersionNumber),
            ("status", v.Status.ToWire()),
            ("config_hash", v.ConfigHash),
            ("created_by", v.CreatedBy),
            ("created_at", Time(v.CreatedAt)),
            ("deployed_at", v.DeployedAt is { } d ? Time(d) : null),
            ("deprecated_at", v.DeprecatedAt is { } x ? Time(x) : null),
            ("superseded_by", v.SupersededBy),
            ("ttl", v.Ttl));
        return includeData ? m.With("config_data", v.ConfigData) : m;
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string StatusMarkup(ConfigVersionStatus status) => status switch
    {
        ConfigVersionStatus.Active => "[green]active[/]",
        ConfigVersionStatus.Draft => "[blue]draft[/]",
        _ => "[grey]deprecated[/]",
    };

    private static string CreatedBy(ParseResult result) =>
        result.GetValue(CreatedByOption) is { Length: > 0 } by ? by
        : Environment.UserName is { Length: > 0 } user ? user : "tradai-cli";
}
