using System.CommandLine;
using TradAI.Cli.Output;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Tables;
using TradAI.Infra.Model;

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

    private static readonly Option<string?> DeployedByOption = new("--deployed-by") { Description = "Who activates the version, recorded as deployed_by (default: the OS user name)" };

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
        return cmd.WithAction(async (context, ct) =>
        {
            var configName = context.Parse.GetValue(config);
            var filePath = context.Parse.GetValue(file);
            if ((configName is null) == (filePath is null))
            {
                throw new UsageException("give exactly one of --config NAME or --file FILE");
            }

            var content = configName is not null
                ? await ConfigStores.Create(context).DownloadAsync(configName, ct).ConfigureAwait(false)
                : await InputFiles.ReadAsync(context, filePath!, ct, InputFiles.ToStore).ConfigureAwait(false);
            return await WithServiceAsync(context, async service =>
            {
                var write = await service.CreateAsync(context.Parse.GetValue(StrategyArgument)!, content, CreatedBy(context), ct).ConfigureAwait(false);
                return WriteOutput(write, write.Created
                    ? $"created {write.Version.ConfigId} ({write.Version.Status.ToWire()})"
                    : $"unchanged: the same content is {write.Version.ConfigId} ({write.Version.Status.ToWire()})");
            }).ConfigureAwait(false);
        });
    }

    private static Command ListCommand()
    {
        var status = new Option<string?>("--status") { Description = "Only versions in this status: draft, active or deprecated" }
            .CheckOneOf(ConfigVersionStatus.Draft.ToWire(), ConfigVersionStatus.Active.ToWire(), ConfigVersionStatus.Deprecated.ToWire());
        var limit = new Option<int>("--limit", "-n") { Description = $"Page size (1-{ConfigVersionService.MaxPageSize})", DefaultValueFactory = _ => ConfigVersionService.DefaultPageSize }
            .CheckRange(1, ConfigVersionService.MaxPageSize);
        var next = new Option<string?>("--next-token") { Description = "Continuation token printed by the previous page" };
        var cmd = new Command("list", "List versions, newest first by version number (a table unless --output is given)") { StrategyArgument, status, limit, next };
        return cmd.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var result = context.Parse;
            var filter = result.GetValue(status) is { } s ? ConfigVersionStatusNames.Parse(s) : (ConfigVersionStatus?)null;
            var page = await service.ListAsync(result.GetValue(StrategyArgument)!, filter, result.GetValue(limit), result.GetValue(next), ct).ConfigureAwait(false);
            var doc = ConfigMapping.Of(
                ("versions", ConfigSequence.From(page.Items.Select(v => (object?)Summary(v, includeData: false)))),
                ("next_token", page.ContinuationToken));
            var rows = page.Items.Select(v => (IReadOnlyList<StyledText>)
            [
                v.ConfigId, StatusText(v.Status), Time(v.CreatedAt), v.CreatedBy, v.DeployedAt is { } d ? Time(d) : "-", v.DeployedBy ?? "-", v.SupersededBy ?? "-",
            ]);
            return new CommandOutput(doc)
            {
                Table = new TableView(["Config id", "Status", "Created", "Created by", "Deployed", "Deployed by", "Superseded by"], [.. rows])
                {
                    Notes = page.ContinuationToken is { } token ? [$"more: --next-token {token}"] : [],
                },
                TableByDefault = true,
            };
        }));
    }

    private static Command ShowCommand() =>
        new Command("show", "Print one version: its metadata and config") { StrategyArgument, ConfigIdArgument }.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var v = await service.GetAsync(context.Parse.GetValue(StrategyArgument)!, context.Parse.GetValue(ConfigIdArgument)!, ct).ConfigureAwait(false);
            return new CommandOutput(Summary(v, includeData: true));
        }));

    private static Command ActiveCommand() =>
        new Command("active", "Print the active version of a strategy (exit 3 when none is active)") { StrategyArgument }.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var v = await service.GetActiveAsync(context.Parse.GetValue(StrategyArgument)!, ct).ConfigureAwait(false);
            return new CommandOutput(Summary(v, includeData: true));
        }));

    private static Command ActivateCommand() =>
        new Command("activate", "Activate a draft; the previously active version is deprecated in the same atomic step") { StrategyArgument, ConfigIdArgument, DeployedByOption }.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var write = await service.ActivateAsync(
                context.Parse.GetValue(StrategyArgument)!, context.Parse.GetValue(ConfigIdArgument)!, User(context, DeployedByOption), expectedActive: null, ct).ConfigureAwait(false);
            return WriteOutput(write, $"activated {write.Version.ConfigId}" + (write.Deprecated is { } d ? $"; deprecated {d.ConfigId}" : string.Empty));
        }));

    private static Command DeprecateCommand() =>
        new Command("deprecate", "Deprecate a draft or the active version (removed by TTL after 90 days)") { StrategyArgument, ConfigIdArgument }.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var v = await service.DeprecateAsync(context.Parse.GetValue(StrategyArgument)!, context.Parse.GetValue(ConfigIdArgument)!, ct).ConfigureAwait(false);
            return WriteOutput(new ConfigVersionWrite(v, Created: false), $"deprecated {v.ConfigId}");
        }));

    private static Command DiffCommand()
    {
        var from = new Argument<string>("from") { Description = "Older version id" };
        var to = new Argument<string>("to") { Description = "Newer version id" };
        var cmd = new Command("diff", "Structural diff of two versions' config: added, removed and changed paths (coloured lines unless --output is given)") { StrategyArgument, from, to };
        return cmd.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var diff = await service.DiffAsync(context.Parse.GetValue(StrategyArgument)!, context.Parse.GetValue(from)!, context.Parse.GetValue(to)!, ct).ConfigureAwait(false);
            var changes = diff.Entries.Select(e =>
            {
                var change = ConfigMapping.Of(("path", e.Path), ("kind", e.Kind.ToString().ToLowerInvariant()));
                change = e.Kind == ConfigDiffKind.Added ? change : change.With("old", e.OldValue);
                return (object?)(e.Kind == ConfigDiffKind.Removed ? change : change.With("new", e.NewValue));
            });
            var doc = ConfigMapping.Of(("from", diff.FromConfigId), ("to", diff.ToConfigId), ("changes", ConfigSequence.From(changes)));

            List<StyledText> lines = [new($"--- {diff.FromConfigId}", "bold"), new($"+++ {diff.ToConfigId}", "bold")];
            if (diff.IsEmpty)
            {
                lines.Add(new("no differences", "grey"));
            }

            foreach (var e in diff.Entries)
            {
                var path = e.Path.Length == 0 ? "(root)" : e.Path;
                lines.Add(e.Kind switch
                {
                    ConfigDiffKind.Added => new($"+ {path}: {OutputPrinter.Render(e.NewValue)}", "green"),
                    ConfigDiffKind.Removed => new($"- {path}: {OutputPrinter.Render(e.OldValue)}", "red"),
                    _ => new($"~ {path}: {OutputPrinter.Render(e.OldValue)} -> {OutputPrinter.Render(e.NewValue)}", "yellow"),
                });
            }

            var rows = diff.Entries.Select(e => (IReadOnlyList<StyledText>)
            [
                e.Path, e.Kind.ToString().ToLowerInvariant(),
                e.Kind == ConfigDiffKind.Added ? "-" : OutputPrinter.Render(e.OldValue),
                e.Kind == ConfigDiffKind.Removed ? "-" : OutputPrinter.Render(e.NewValue),
            ]);
            return new CommandOutput(doc) { Lines = lines, Table = new TableView(["Path", "Change", "Old", "New"], [.. rows]) };
        }));
    }

    private static Command RollbackCommand()
    {
        var to = new Option<string>("--to") { Description = "Version whose content to bring back", Required = true };
        var cmd = new Command("rollback", "Create a new version with an earlier version's content and activate it atomically") { StrategyArgument, to, CreatedByOption };
        return cmd.WithAction((context, ct) => WithServiceAsync(context, async service =>
        {
            var write = await service.RollbackAsync(context.Parse.GetValue(StrategyArgument)!, context.Parse.GetValue(to)!, CreatedBy(context), ct).ConfigureAwait(false);
            var message = write switch
            {
                { Created: true } => $"rolled back: created and activated {write.Version.ConfigId}",
                { Deprecated: not null } => $"rolled back: activated the draft {write.Version.ConfigId} holding that content",
                _ => $"unchanged: {write.Version.ConfigId} with that content is already active",
            };
            return WriteOutput(write, message + (write.Deprecated is { } d ? $"; deprecated {d.ConfigId}" : string.Empty));
        }));
    }

    // ---- backends ----

    /// <summary>
    /// The versions table: <paramref name="option"/> (<c>--table</c>), else <c>TRADAI_VERSIONS_TABLE</c>, else the stacks'
    /// table of <c>$TRADAI_ENV</c>; <c>Deployed</c> is that environment's config when the name came from it (null otherwise).
    /// </summary>
    internal static (string Table, InfraConfig? Deployed) ResolveTable(CliContext context, string? option)
    {
        if ((option ?? context.GetEnvironmentVariable(TableVariable)) is { Length: > 0 } table)
        {
            return (table, null);
        }

        var deployed = BackendOptions.Deployed(context).Config;
        return (deployed.Storage.Table(VersionsTable.Key).Name, deployed);
    }

    private static async Task<CommandOutput> WithServiceAsync(CliContext context, Func<ConfigVersionService, Task<CommandOutput>> body)
    {
        var result = context.Parse;
        if (!BackendOptions.IsAws(context))
        {
            return await body(new ConfigVersionService(SqliteConfigVersionRepository.ForStore(CommonOptions.ResolveStore(context)))).ConfigureAwait(false);
        }

        var options = BackendOptions.Aws(context, "dynamodb");
        var (table, deployed) = ResolveTable(context, result.GetValue(TableOption));
        var counter = new DynamoDbRequestCounter();
        using var client = counter.CreateCountingClient(new AwsClientFactory(options));
        try
        {
            return await body(new ConfigVersionService(new DynamoDbConfigVersionRepository(client, table, createTableIfMissing: result.GetValue(CreateTableOption)))).ConfigureAwait(false);
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
                await context.WriteErrorLineAsync(
                    $"dynamodb requests: {counter.Total} ({string.Join(", ", counter.Snapshot().Select(kv => $"{kv.Key} {kv.Value}"))})").ConfigureAwait(false);
            }
        }
    }

    // ---- output ----

    /// <summary>A lifecycle write: one message line by default, the version (and what it deprecated) as a document.</summary>
    private static CommandOutput WriteOutput(ConfigVersionWrite write, string message)
    {
        var doc = ConfigMapping.Of(
            ("version", Summary(write.Version, includeData: false)),
            ("created", write.Created),
            ("deprecated", write.Deprecated is { } d ? Summary(d, includeData: false) : null));
        return CommandOutput.Message(doc, message) with
        {
            Table = new TableView(["Config id", "Status", "Message"], [[write.Version.ConfigId, StatusText(write.Version.Status), message]]),
        };
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
            ("deployed_by", v.DeployedBy),
            ("deprecated_at", v.DeprecatedAt is { } x ? Time(x) : null),
            ("superseded_by", v.SupersededBy),
            ("ttl", v.Ttl));
        return includeData ? m.With("config_data", v.ConfigData) : m;
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static StyledText StatusText(ConfigVersionStatus status) => new(status.ToWire(), status switch
    {
        ConfigVersionStatus.Active => "green",
        ConfigVersionStatus.Draft => "blue",
        _ => "grey",
    });

    private static string CreatedBy(CliContext context) => User(context, CreatedByOption);

    /// <summary>The user an option names, else the OS user name.</summary>
    private static string User(CliContext context, Option<string?> option) =>
        context.Parse.GetValue(option) is { Length: > 0 } by ? by
        : Environment.UserName is { Length: > 0 } user ? user : "tradai-cli";
}
