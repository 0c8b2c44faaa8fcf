using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TradAI.Cli.Output;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Profiles;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Model;
using TradAI.Infra.Rendering;
using TradAI.Infra.Resolution;
using TradAI.Infra.Synthesis;

namespace TradAI.Cli.Commands;

/// <summary>
/// <c>tradai infra ...</c>: inspect and compare the per-environment infrastructure config, print a service's env file
/// derived from it, and synthesize the four CDK stacks. Resolution and synthesis live in TradAI.Infra
/// (<see cref="InfraWorkspace"/>, <see cref="InfraSynthesis"/>); these commands parse options and print. Synthesis runs
/// the CDK app from <c>infra/cdk.json</c> as a child process, so the CLI never loads Amazon.CDK.Lib.
/// </summary>
internal static class InfraCommands
{
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
        Description = $"Environment: {DeploymentEnvironments.Expected}",
        Required = true,
    };

    private static InfraConfig Resolve(string environment, string source, string[]? assignments) =>
        InfraWorkspace.Resolve(environment, source, assignments, Directory.GetCurrentDirectory()).Config;

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
        var left = new Argument<string>("left") { Description = $"First environment ({DeploymentEnvironments.Expected})" };
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
        var service = new Option<string>("--service", "-s") { Description = $"Service name ({ServiceProfiles.Names})", Required = true };
        var account = new Option<string?>("--account") { Description = "AWS account id (12 digits) to fill in queue URLs and ARNs" };
        var cmd = new Command("env", "Print the env file a service needs, derived from the environment's infrastructure config, and the secrets ECS injects") { env, service, account, ContextOption };
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

                    foreach (var s in file.Secrets)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", s.Name);
                        w.WriteNull("value");
                        w.WriteString("availability", "secret");
                        w.WriteString("origin", s.Origin);
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
        var app = new Option<string?>("--app") { Description = $"Command that runs the CDK app (default: ${CdkAppCommand.AppVariable}, else the \"app\" of the nearest infra/cdk.json)" };
        var cmd = new Command("synth", "Synthesize CloudFormation for the four stacks of an environment, offline") { env, outDir, app, ContextOption };
        cmd.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var plan = InfraSynthesis.Prepare(result.GetValue(env)!, "--env", result.GetValue(ContextOption), result.GetValue(outDir), result.GetValue(app), Directory.GetCurrentDirectory())
                ?? throw new UsageException($"no CDK app found: run from the repository (infra/cdk.json), pass --app, or set {CdkAppCommand.AppVariable}");

            var label = $"Synthesizing {Markup.Escape(plan.Config.Environment.StackName("*"))} (foundation, persistent, edge, compute)";
            var synth = await Terminal.Error.Status().Spinner(Spinner.Known.Dots).StartAsync(label, status =>
                InfraSynthesis.RunAsync(plan, line => status.Status($"{label}: {Markup.Escape(line.Length > 60 ? line[..60] + "…" : line)}"), ct)).ConfigureAwait(false);

            if (IsExplicit(result, CommonOptions.Output, out var format) && format == OutputFormat.Json)
            {
                await CliRunner.Out.WriteLineAsync(Json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("environment", synth.Config.Env.ToName());
                    w.WriteString("out", synth.OutputDirectory);
                    w.WriteNumber("seconds", Math.Round(synth.Elapsed.TotalSeconds, 2));
                    w.WriteStartArray("stacks");
                    foreach (var s in synth.Stacks)
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
                .Title($"{synth.Config.Env.ToName()}: {synth.Stacks.Count} stacks synthesized in {synth.Elapsed.TotalSeconds:F1} s")
                .AddColumn("Stack").AddColumn("Template").AddColumn(new TableColumn("Resources").RightAligned());
            foreach (var s in synth.Stacks)
            {
                table.AddRow(Markup.Escape(s.StackName), Markup.Escape(Path.Combine(synth.OutputDirectory, s.Template)), s.Resources.ToString(CultureInfo.InvariantCulture));
            }

            Terminal.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
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
}
