using System.CommandLine;
using Spectre.Console;
using TradAI.Cli.Output;
using TradAI.Config.Core.Errors;
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
    /// <summary>Test seam: variables to read instead of the process environment (null reads the process environment).</summary>
    internal static IReadOnlyDictionary<string, string>? EnvironmentOverride { get; set; }

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
            Description = "The service: " + string.Join(", ", SettingsCatalog.All.Select(s => s.Service)),
        };
        argument.AcceptOnlyFromAmong([.. SettingsCatalog.All.Select(s => s.Service)]);
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

    private static Command CreateShow()
    {
        var service = ServiceArgument();
        var envFiles = EnvFileOption();
        var noS3 = NoS3ConfigOption();
        var command = new Command("show", "Print every resolved setting with its source (default, env file, env var, S3_CONFIG); secrets are masked. Exit 1 if any is invalid.");
        command.Arguments.Add(service);
        command.Options.Add(envFiles);
        command.Options.Add(noS3);
        command.SetAction((ParseResult r, CancellationToken ct) => CliRunner.RunAsync(async () =>
        {
            var resolution = await ResolveAsync(r.GetValue(service)!, r.GetValue(envFiles), r.GetValue(noS3), ct).ConfigureAwait(false);
            if (r.GetValue(CommonOptions.Output) == OutputFormat.Json)
            {
                await CliRunner.Out.WriteLineAsync(ToJson(resolution)).ConfigureAwait(false);
            }
            else
            {
                Render(resolution);
            }

            if (resolution.ToException() is { } error)
            {
                await CliRunner.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                return ExitCodes.ValidationFailed;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateValidate()
    {
        var service = ServiceArgument();
        var envFiles = EnvFileOption();
        var noS3 = NoS3ConfigOption();
        var command = new Command("validate", "Check a service's settings; exit 1 listing every failing field, the variables that set it, and why.");
        command.Arguments.Add(service);
        command.Options.Add(envFiles);
        command.Options.Add(noS3);
        command.SetAction((ParseResult r, CancellationToken ct) => CliRunner.RunAsync(async () =>
        {
            var resolution = await ResolveAsync(r.GetValue(service)!, r.GetValue(envFiles), r.GetValue(noS3), ct).ConfigureAwait(false);
            if (resolution.ToException() is { } error)
            {
                throw error;
            }

            await CliRunner.Out.WriteLineAsync($"{resolution.Schema.TypeName} is valid ({resolution.Entries.Count} settings)").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Task<SettingsResolution> ResolveAsync(string service, string[]? envFiles, bool noS3Config, CancellationToken cancellationToken)
    {
        var schema = SettingsCatalog.Find(service)
            ?? throw new UsageException($"unknown service '{InputSanitizer.Sanitize(service)}'; known: {string.Join(", ", SettingsCatalog.All.Select(s => s.Service))}");
        var options = new SettingsLoadOptions
        {
            Environment = EnvironmentOverride,
            EnvFiles = envFiles is { Length: > 0 } ? envFiles : null,
            LoadS3Config = !noS3Config,
        }.WithS3();
        return SettingsLoader.ResolveAsync(schema, options, cancellationToken);
    }

    private static void Render(SettingsResolution resolution)
    {
        var console = Terminal.Out;
        if (Console.IsOutputRedirected)
        {
            // Piped output has no terminal width; don't wrap long variable names and ARNs at 80 columns.
            console.Profile.Width = 240;
        }

        var table = new Table()
            .Title($"{Markup.Escape(resolution.Schema.TypeName)} (prefix {Markup.Escape(resolution.Schema.EnvPrefix)})")
            .AddColumn("Setting")
            .AddColumn("Value")
            .AddColumn("Source")
            .AddColumn("Variables");
        foreach (var entry in resolution.Entries)
        {
            var name = entry.IsValid ? Markup.Escape(entry.Name) : $"[red]{Markup.Escape(entry.Name)} (invalid)[/]";
            var value = entry.DisplayValue.Length == 0 ? "[grey](not set)[/]" : Markup.Escape(entry.DisplayValue);
            table.AddRow(name, value, Markup.Escape(entry.Source.ToString()), Markup.Escape(string.Join(" | ", entry.EnvironmentNames)));
        }

        console.Write(table);
        if (resolution.S3ConfigLocation is { } location)
        {
            console.MarkupLine($"S3_CONFIG: {Markup.Escape(location)} (from {Markup.Escape(resolution.S3ConfigSource?.ToString() ?? "?")})");
        }

        console.MarkupLine(resolution.EnvFilesRead.Count == 0
            ? "Env files: none"
            : "Env files: " + Markup.Escape(string.Join(", ", resolution.EnvFilesRead)));
    }

    /// <summary>Machine-readable form: every setting with value (secrets masked), source and variables, then the problems.</summary>
    private static string ToJson(SettingsResolution resolution) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("service", resolution.Schema.Service);
        w.WriteString("type", resolution.Schema.TypeName);
        w.WriteString("prefix", resolution.Schema.EnvPrefix);
        w.WriteBoolean("valid", resolution.IsValid);
        w.WriteStartArray("settings");
        foreach (var entry in resolution.Entries)
        {
            w.WriteStartObject();
            w.WriteString("name", entry.Name);
            if (entry.DisplayValue.Length == 0)
            {
                w.WriteNull("value");
            }
            else
            {
                w.WriteString("value", entry.DisplayValue);
            }

            w.WriteBoolean("secret", entry.Field.IsSecret);
            w.WriteString("source", entry.Source.ToString());
            w.WriteString("source_kind", entry.Source.Kind.ToString());
            w.WriteBoolean("valid", entry.IsValid);
            w.WriteStartArray("variables");
            foreach (var name in entry.EnvironmentNames)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("problems");
        foreach (var problem in resolution.Problems)
        {
            w.WriteStartObject();
            w.WriteString("field", problem.Path);
            w.WriteString("message", problem.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (resolution.S3ConfigLocation is { } location)
        {
            w.WriteString("s3_config", location);
        }

        w.WriteStartArray("env_files");
        foreach (var file in resolution.EnvFilesRead)
        {
            w.WriteStringValue(file);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
