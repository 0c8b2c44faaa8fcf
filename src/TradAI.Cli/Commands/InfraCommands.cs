using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using TradAI.Cli.Output;
using TradAI.Config.Core.Errors;
using TradAI.Infra.Context;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Environments;
using TradAI.Infra.Model;
using TradAI.Infra.Rendering;
using TradAI.Infra.Resolution;

namespace TradAI.Cli.Commands;

/// <summary>
/// <c>tradai infra ...</c>: inspect and compare the per-environment infrastructure config, print a service's env file
/// derived from it, and synthesize the four CDK stacks. The typed config is called directly (it is AOT-safe); synthesis
/// runs the CDK app from <c>infra/cdk.json</c> as a child process, so the CLI never loads Amazon.CDK.Lib.
/// </summary>
internal static class InfraCommands
{
    /// <summary>Variable naming the command that runs the CDK app, when no cdk.json is found or another app is wanted.</summary>
    public const string AppVariable = "TRADAI_INFRA_CDK_APP";

    private static readonly Option<string[]> ContextOption = new("--context", "-c")
    {
        Description = "Override as key=value, repeatable (consolidated_mode, skip_alb, custom_ami_id, *_schedule, strategy_ecr_repos, cors_allowed_origins, region, project_name)",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command Create()
    {
        var infra = new Command("infra", "Per-environment infrastructure config and the four CDK stacks (persistent, foundation, compute, edge)");
        infra.Subcommands.Add(Show());
        infra.Subcommands.Add(Diff());
        infra.Subcommands.Add(Env());
        infra.Subcommands.Add(Synth());
        return infra;
    }

    private static Option<string> EnvOption() => new("--env", "-e")
    {
        Description = "Environment: dev, staging or prod",
        Required = true,
    };

    private static Command Show()
    {
        var env = EnvOption();
        var cmd = new Command("show", "Print the resolved infrastructure config of an environment (yaml, json or table)") { env, ContextOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var config = Resolve(result.GetValue(env)!, "--env", result.GetValue(ContextOption));
            switch (result.GetValue(CommonOptions.Output))
            {
                case OutputFormat.Json:
                    await CliRunner.Out.WriteLineAsync(InfraConfigDocument.ToJson(config)).ConfigureAwait(false);
                    break;
                case OutputFormat.Table:
                    var table = new Table().Border(TableBorder.Rounded).AddColumn("Setting").AddColumn("Value");
                    foreach (var (path, value) in InfraConfigFlattener.Flatten(config))
                    {
                        table.AddRow(Markup.Escape(path), Markup.Escape(value));
                    }

                    Terminal.Out.Write(table);
                    break;
                default:
                    await CliRunner.Out.WriteAsync(InfraConfigDocument.ToYaml(config)).ConfigureAwait(false);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Diff()
    {
        var left = new Argument<string>("left") { Description = "First environment (dev, staging, prod)" };
        var right = new Argument<string>("right") { Description = "Second environment" };
        var all = new Option<bool>("--all") { Description = "Also list names that differ only by their environment suffix" };
        var cmd = new Command("diff", "The settings that differ between two environments, computed from their resolved configs") { left, right, all, ContextOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var context = result.GetValue(ContextOption);
            var a = Resolve(result.GetValue(left)!, "left", context);
            var b = Resolve(result.GetValue(right)!, "right", context);
            var differences = InfraConfigDiff.Compare(a, b, result.GetValue(all));
            var (leftName, rightName) = (a.Env.ToName(), b.Env.ToName());

            if (IsExplicit(result, CommonOptions.Output, out var format) && format != OutputFormat.Table)
            {
                await CliRunner.Out.WriteLineAsync(Json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("left", leftName);
                    w.WriteString("right", rightName);
                    w.WriteStartArray("differences");
                    foreach (var d in differences)
                    {
                        w.WriteStartObject();
                        w.WriteString("path", d.Path);
                        WriteNullable(w, "left", d.Left);
                        WriteNullable(w, "right", d.Right);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (differences.Count == 0)
            {
                await CliRunner.Out.WriteLineAsync($"{leftName} and {rightName} resolve to the same settings.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{differences.Count} setting{(differences.Count == 1 ? "" : "s")} differ")
                .AddColumn("Setting").AddColumn(leftName).AddColumn(rightName);
            foreach (var d in differences)
            {
                table.AddRow(Markup.Escape(d.Path), Cell(d.Left), Cell(d.Right));
            }

            Terminal.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;

        static string Cell(string? value) => value is null ? "[grey](absent)[/]" : Markup.Escape(value);
    }

    private static Command Env()
    {
        var env = EnvOption();
        var service = new Option<string>("--service", "-s") { Description = "Service name (backend, strategy-service, data-collection, mlflow, live-trading, dry-run-trading)", Required = true };
        var account = new Option<string?>("--account") { Description = "AWS account id (12 digits) to fill in queue URLs and ARNs" };
        var cmd = new Command("env", "Print the env file a service needs, derived from the environment's infrastructure config") { env, service, account, ContextOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var facts = DeploymentFacts.ForAccount(result.GetValue(account));
            var config = Resolve(result.GetValue(env)!, "--env", result.GetValue(ContextOption));
            var file = ServiceEnvFiles.Build(config, result.GetValue(service)!, facts);
            if (IsExplicit(result, CommonOptions.Output, out var format) && format == OutputFormat.Json)
            {
                await CliRunner.Out.WriteLineAsync(Json.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var e in file.Entries)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", e.Name);
                        WriteNullable(w, "value", e.Value);
                        w.WriteString("availability", e.Availability switch
                        {
                            EnvValueAvailability.Known => "known",
                            EnvValueAvailability.NeedsAccount => "needs_account",
                            _ => "after_deployment",
                        });
                        w.WriteString("origin", e.Origin);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                })).ConfigureAwait(false);
            }
            else
            {
                await CliRunner.Out.WriteAsync(file.Render()).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Synth()
    {
        var env = EnvOption();
        var outDir = new Option<string?>("--out") { Description = "Cloud assembly folder (default: ./cdk.out)" };
        var app = new Option<string?>("--app") { Description = $"Command that runs the CDK app (default: ${AppVariable}, else the \"app\" of the nearest infra/cdk.json)" };
        var cmd = new Command("synth", "Synthesize CloudFormation for the four stacks of an environment, offline") { env, outDir, app, ContextOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            // Every override is checked here first: a bad value fails in milliseconds, before Node starts.
            var cdkJson = CdkJson.Find(Directory.GetCurrentDirectory());
            var context = BuildContext(result.GetValue(env)!, "--env", result.GetValue(ContextOption), cdkJson);
            var sources = InfraSources.FromProcess(context, Directory.GetCurrentDirectory());
            var config = InfraConfigResolver.Resolve(sources);

            var appCommand = result.GetValue(app)
                ?? (Environment.GetEnvironmentVariable(AppVariable) is { Length: > 0 } fromEnv ? fromEnv : null)
                ?? cdkJson?.App
                ?? throw new UsageException($"no CDK app found: run from the repository (infra/cdk.json), pass --app, or set {AppVariable}");
            var workingDirectory = result.GetValue(app) is null && cdkJson is not null && Environment.GetEnvironmentVariable(AppVariable) is not { Length: > 0 }
                ? cdkJson.Directory
                : Directory.GetCurrentDirectory();
            var output = Path.GetFullPath(result.GetValue(outDir) ?? "cdk.out");

            var run = await RunAppAsync(appCommand, workingDirectory, output, context, sources, config, ct).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                var tail = string.Join(Environment.NewLine, run.Stderr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("!!", StringComparison.Ordinal)).TakeLast(15));
                throw new ExternalServiceException("cdk-app", $"the CDK app exited with code {run.ExitCode} after {run.Elapsed.TotalSeconds:F1} s:{Environment.NewLine}{InputSanitizer.Sanitize(tail, 4000)}");
            }

            var stacks = ReadAssembly(output);
            if (IsExplicit(result, CommonOptions.Output, out var format) && format == OutputFormat.Json)
            {
                await CliRunner.Out.WriteLineAsync(Json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("environment", config.Env.ToName());
                    w.WriteString("out", output);
                    w.WriteNumber("seconds", Math.Round(run.Elapsed.TotalSeconds, 2));
                    w.WriteStartArray("stacks");
                    foreach (var s in stacks)
                    {
                        w.WriteStartObject();
                        w.WriteString("stack", s.StackName);
                        w.WriteString("template", s.Template);
                        w.WriteNumber("resources", s.Resources);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{config.Env.ToName()}: {stacks.Count} stacks synthesized in {run.Elapsed.TotalSeconds:F1} s")
                .AddColumn("Stack").AddColumn("Template").AddColumn(new TableColumn("Resources").RightAligned());
            foreach (var s in stacks)
            {
                table.AddRow(Markup.Escape(s.StackName), Markup.Escape(Path.Combine(output, s.Template)), s.Resources.ToString(CultureInfo.InvariantCulture));
            }

            Terminal.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Resolves an environment's config from the process environment, infra/.env, cdk.json context and --context.</summary>
    private static InfraConfig Resolve(string environment, string source, string[]? assignments)
    {
        var context = BuildContext(environment, source, assignments, CdkJson.Find(Directory.GetCurrentDirectory()));
        return InfraConfigResolver.Resolve(InfraSources.FromProcess(context, Directory.GetCurrentDirectory()));
    }

    /// <summary>cdk.json's context first (as the CDK CLI does), then --context, then the environment given by --env.</summary>
    private static InfraContext BuildContext(string environment, string source, string[]? assignments, CdkJson? cdkJson)
    {
        var env = DeploymentEnvironments.Parse(environment, source);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in cdkJson?.Context ?? [])
        {
            values[key] = value;
        }

        foreach (var (key, value) in InfraContext.Parse(assignments ?? []).Values)
        {
            values[key] = value;
        }

        values[InfraContextKeys.Environment] = env.ToName();
        return InfraContext.From(values);
    }

    private sealed record AppRun(int ExitCode, string Stderr, TimeSpan Elapsed);

    private static async Task<AppRun> RunAppAsync(string appCommand, string workingDirectory, string output, InfraContext context, InfraSources sources, InfraConfig config, CancellationToken ct)
    {
        var psi = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", appCommand } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", appCommand } };
        psi.WorkingDirectory = workingDirectory;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;

        // The same protocol the CDK CLI speaks to an app: context as JSON, the output folder, and infra/.env values.
        foreach (var (key, value) in sources.EnvironmentVariables)
        {
            psi.Environment[key] = value;
        }

        psi.Environment["CDK_CONTEXT_JSON"] = ContextJson(context);
        psi.Environment["CDK_OUTDIR"] = output;
        psi.Environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1";

        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        var label = $"Synthesizing {Markup.Escape(config.Environment.StackName("*"))} (foundation, persistent, edge, compute)";
        var exitCode = await Terminal.Error.Status().Spinner(Spinner.Known.Dots).StartAsync(label, async status =>
        {
            using var process = Process.Start(psi) ?? throw new ExternalServiceException("cdk-app", $"could not start '{InputSanitizer.Sanitize(appCommand)}'");
            process.OutputDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data))
                {
                    status.Status($"{label}: {Markup.Escape(Truncate(e.Data))}");
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (stderr)
                    {
                        stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            process.WaitForExit();
            return process.ExitCode;
        }).ConfigureAwait(false);
        watch.Stop();
        lock (stderr)
        {
            return new AppRun(exitCode, stderr.ToString(), watch.Elapsed);
        }

        static string Truncate(string line) => line.Length > 60 ? line[..60] + "…" : line;
    }

    private static string ContextJson(InfraContext context) => Json.Write(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in context.Values)
        {
            switch (value)
            {
                case bool b:
                    w.WriteBoolean(key, b);
                    break;
                case IEnumerable<string> list when value is not string:
                    w.WriteStartArray(key);
                    foreach (var item in list)
                    {
                        w.WriteStringValue(item);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteString(key, value?.ToString());
                    break;
            }
        }

        w.WriteEndObject();
    }, indented: false);

    private sealed record SynthesizedStack(string StackName, string Template, int Resources);

    /// <summary>The stacks of the cloud assembly the app wrote, from its manifest.</summary>
    private static List<SynthesizedStack> ReadAssembly(string output)
    {
        var manifest = Path.Combine(output, "manifest.json");
        if (!File.Exists(manifest))
        {
            throw new ExternalServiceException("cdk-app", $"the CDK app finished but wrote no manifest.json to {output}");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        var stacks = new List<SynthesizedStack>();
        foreach (var artifact in doc.RootElement.GetProperty("artifacts").EnumerateObject())
        {
            if (artifact.Value.GetProperty("type").GetString() != "aws:cloudformation:stack")
            {
                continue;
            }

            var props = artifact.Value.GetProperty("properties");
            var template = props.GetProperty("templateFile").GetString()!;
            var name = props.TryGetProperty("stackName", out var n) ? n.GetString()! : artifact.Name;
            using var body = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, template)));
            var resources = body.RootElement.TryGetProperty("Resources", out var r) ? r.EnumerateObject().Count() : 0;
            stacks.Add(new SynthesizedStack(name, template, resources));
        }

        return stacks;
    }

    private static bool IsExplicit(ParseResult result, Option<OutputFormat> option, out OutputFormat value)
    {
        value = result.GetValue(option);
        return result.GetResult(option) is { Implicit: false };
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>The nearest <c>cdk.json</c> (here, or <c>infra/cdk.json</c> here or above): its app command and our context keys.</summary>
    private sealed record CdkJson(string Directory, string? App, IReadOnlyList<KeyValuePair<string, object?>> Context)
    {
        public static CdkJson? Find(string start)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "cdk.json"), Path.Combine(dir.FullName, "infra", "cdk.json") })
                {
                    if (File.Exists(candidate))
                    {
                        return Read(candidate);
                    }
                }
            }

            return null;
        }

        private static CdkJson Read(string path)
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                var app = doc.RootElement.TryGetProperty("app", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var context = new List<KeyValuePair<string, object?>>();
                if (doc.RootElement.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in ctx.EnumerateObject().Where(p => InfraContextKeys.IsKnown(p.Name)))
                    {
                        context.Add(new(p.Name, p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString(),
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            JsonValueKind.Array => p.Value.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToList(),
                            JsonValueKind.Null => null,
                            _ => p.Value.GetRawText(),
                        }));
                    }
                }

                return new CdkJson(Path.GetDirectoryName(path)!, app, context);
            }
            catch (JsonException ex)
            {
                throw new ConfigValidationException(path, $"not valid JSON ({InputSanitizer.Sanitize(ex.Message)})");
            }
        }
    }
}
