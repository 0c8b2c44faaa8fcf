using System.CommandLine;
using TradAI.Cli.Output;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Aws;
using TradAI.Settings.Catalog;
using TradAI.Settings.Loading;

namespace TradAI.Cli.Commands;

/// <summary>
/// <c>tradai settings show|validate SERVICE</c>: resolve a service's settings exactly as the service would at start-up
/// (environment, env files, S3_CONFIG, defaults) and show each value with its source, secrets masked. SERVICE is
/// the service's name as the stacks and <c>tradai infra env --service</c> know it.
/// </summary>
internal static class SettingsCommands
{
    public static Command Create()
    {
        var command = new Command("settings", "Show and validate service settings (environment > env files > S3_CONFIG > defaults).");
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateValidate());
        return command;
    }

    private static Argument<string> ServiceArgument()
    {
        var argument = new Argument<string>("service")
        {
            Description = "The service: " + string.Join(", ", SettingsCatalog.Services),
        };
        argument.AcceptOnlyFromAmong([.. SettingsCatalog.Services]);
        return argument;
    }

    private static Option<string[]> EnvFileOption() => new("--env-file")
    {
        Description = "Env file to read instead of the service's defaults (services/SERVICE/.env, then .env); repeat for several, first wins",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<bool> NoS3ConfigOption() => new("--no-s3-config")
    {
        Description = "Do not read the document named by S3_CONFIG",
    };

    private static Command CreateShow() =>
        Resolving("show", "Print every resolved setting with its source (default, env file, env var, S3_CONFIG); secrets are masked. Exit 1 if any is invalid.", resolution =>
        {
            var output = new CommandOutput(ToDocument(resolution)) { Table = ToTable(resolution), TableByDefault = true };
            return resolution.ToException() is { } error
                ? output with { ExitCode = ExitCodes.ValidationFailed, Notes = [$"error: {error.Message}"] }
                : output;
        });

    private static Command CreateValidate() =>
        Resolving("validate", "Check a service's settings; exit 1 listing every failing field, the variables that set it, and why.", resolution =>
        {
            if (resolution.ToException() is { } error)
            {
                throw error;
            }

            var doc = ConfigMapping.Of(("service", resolution.Schema.Service), ("type", resolution.Schema.TypeName), ("valid", true), ("settings", (long)resolution.Entries.Count));
            return CommandOutput.Message(doc, $"{resolution.Schema.TypeName} is valid ({resolution.Entries.Count} settings)");
        });

    /// <summary>A sub-command taking SERVICE, --env-file and --no-s3-config that turns the resolved settings into its output.</summary>
    private static Command Resolving(string name, string description, Func<SettingsResolution, CommandOutput> present)
    {
        var service = ServiceArgument();
        var envFiles = EnvFileOption();
        var noS3 = NoS3ConfigOption();
        var command = new Command(name, description) { service, envFiles, noS3 };
        return command.WithAction(async (context, ct) =>
        {
            var r = context.Parse;
            return present(await ResolveAsync(context, r.GetValue(service)!, r.GetValue(envFiles), r.GetValue(noS3), ct).ConfigureAwait(false));
        });
    }

    private static Task<SettingsResolution> ResolveAsync(CliContext context, string service, string[]? envFiles, bool noS3Config, CancellationToken cancellationToken)
    {
        var schema = SettingsCatalog.Find(service)
            ?? throw new UsageException($"unknown service '{InputSanitizer.Sanitize(service)}'; known: {string.Join(", ", SettingsCatalog.Services)}");
        var options = new SettingsLoadOptions
        {
            Environment = context.EnvironmentOverride,
            EnvFiles = envFiles is { Length: > 0 } ? envFiles : null,
            LoadS3Config = !noS3Config,
        }.WithS3();
        return SettingsLoader.ResolveAsync(schema, options, cancellationToken);
    }

    /// <summary>The table view: every setting with its value, source and variables, then where S3_CONFIG and env files came from.</summary>
    private static TableView ToTable(SettingsResolution resolution)
    {
        var rows = resolution.Entries.Select(entry => (IReadOnlyList<StyledText>)
        [
            entry.IsValid ? entry.Name : new StyledText($"{entry.Name} (invalid)", "red"),
            entry.DisplayValue.Length == 0 ? new StyledText("(not set)", "grey") : entry.DisplayValue,
            entry.Source.ToString(),
            string.Join(" | ", entry.EnvironmentNames),
        ]);
        List<string> footer = [];
        if (resolution.S3ConfigLocation is { } location)
        {
            footer.Add($"S3_CONFIG: {location} (from {resolution.S3ConfigSource?.ToString() ?? "?"})");
        }

        footer.Add(resolution.EnvFilesRead.Count == 0 ? "Env files: none" : "Env files: " + string.Join(", ", resolution.EnvFilesRead));
        return new TableView(["Setting", "Value", "Source", "Variables"], [.. rows])
        {
            Title = $"{resolution.Schema.TypeName} (prefix {resolution.Schema.EnvPrefix})",
            Footer = footer,
        };
    }

    /// <summary>Machine-readable form: every setting with value (secrets masked), source and variables, then the problems.</summary>
    private static ConfigMapping ToDocument(SettingsResolution resolution)
    {
        var settings = resolution.Entries.Select(entry => (object?)ConfigMapping.Of(
            ("name", entry.Name),
            ("value", entry.DisplayValue.Length == 0 ? null : entry.DisplayValue),
            ("secret", entry.Field.IsSecret),
            ("source", entry.Source.ToString()),
            ("source_kind", entry.Source.Kind.ToString()),
            ("valid", entry.IsValid),
            ("variables", ConfigSequence.From(entry.EnvironmentNames))));
        var problems = resolution.Problems.Select(p => (object?)ConfigMapping.Of(("field", p.Path), ("message", p.Message)));
        var doc = ConfigMapping.Of(
            ("service", resolution.Schema.Service),
            ("type", resolution.Schema.TypeName),
            ("prefix", resolution.Schema.EnvPrefix),
            ("valid", resolution.IsValid),
            ("settings", ConfigSequence.From(settings)),
            ("problems", ConfigSequence.From(problems)));
        if (resolution.S3ConfigLocation is { } location)
        {
            doc = doc.With("s3_config", location);
        }

        return doc.With("env_files", ConfigSequence.From(resolution.EnvFilesRead));
    }
}
