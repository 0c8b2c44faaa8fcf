using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradAI.Cli.Output;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
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

    private static Option<string> EnvOption() => new Option<string>("--env", "-e")
    {
        Description = $"Environment: {DeploymentEnvironments.Expected}",
        Required = true,
    }.CheckEnvironment();

    private static InfraConfig Resolve(string environment, string source, string[]? assignments) =>
        InfraWorkspace.Resolve(environment, source, assignments, Directory.GetCurrentDirectory()).Config;

    private static Command Show()
    {
        var env = EnvOption();
        var cmd = new Command("show", "Print the resolved infrastructure config of an environment (yaml, json or table)") { env, ContextOption };
        return cmd.WithAction((context, ct) =>
        {
            var config = Resolve(context.Parse.GetValue(env)!, "--env", context.Parse.GetValue(ContextOption));
            var rows = InfraConfigFlattener.Flatten(config).Select(kv => (IReadOnlyList<StyledText>)[kv.Key, kv.Value]);
            return Task.FromResult(new CommandOutput(InfraConfigDocument.ToTree(config)) { Table = new TableView(["Setting", "Value"], [.. rows]) });
        });
    }

    private static Command Diff()
    {
        var left = new Argument<string>("left") { Description = $"First environment ({DeploymentEnvironments.Expected})" }.CheckEnvironment();
        var right = new Argument<string>("right") { Description = "Second environment" }.CheckEnvironment();
        var all = new Option<bool>("--all") { Description = "Also list names that differ only by their environment suffix" };
        var cmd = new Command("diff", "The settings that differ between two environments, computed from their resolved configs (a table unless --output is given)") { left, right, all, ContextOption };
        return cmd.WithAction((context, ct) =>
        {
            var result = context.Parse;
            var assignments = result.GetValue(ContextOption);
            var a = Resolve(result.GetValue(left)!, "left", assignments);
            var b = Resolve(result.GetValue(right)!, "right", assignments);
            var differences = InfraConfigDiff.Compare(a, b, result.GetValue(all));
            var (leftName, rightName) = (a.Env.ToName(), b.Env.ToName());
            var doc = ConfigMapping.Of(
                ("left", leftName),
                ("right", rightName),
                ("differences", ConfigSequence.From(differences.Select(d => (object?)ConfigMapping.Of(("path", d.Path), ("left", d.Left), ("right", d.Right))))));
            var table = new TableView(["Setting", leftName, rightName], [.. differences.Select(d => (IReadOnlyList<StyledText>)[d.Path, Cell(d.Left), Cell(d.Right)])])
            {
                Title = $"{differences.Count} setting{(differences.Count == 1 ? "" : "s")} differ",
            };
            return Task.FromResult(differences.Count == 0
                ? CommandOutput.Message(doc, $"{leftName} and {rightName} resolve to the same settings.")
                : new CommandOutput(doc) { Table = table, TableByDefault = true });
        });

        static StyledText Cell(string? value) => value is null ? new StyledText("(absent)", "grey") : value;
    }

    private static Command Env()
    {
        var env = EnvOption();
        var service = new Option<string>("--service", "-s") { Description = $"Service name ({ServiceProfiles.Names})", Required = true };
        var account = new Option<string?>("--account") { Description = "AWS account id (12 digits) to fill in queue URLs and ARNs" };
        var cmd = new Command("env", "Print the env file a service needs, derived from the environment's infrastructure config, and the secrets ECS injects") { env, service, account, ContextOption };
        return cmd.WithAction((context, ct) =>
        {
            var result = context.Parse;
            var facts = DeploymentFacts.ForAccount(result.GetValue(account));
            var config = Resolve(result.GetValue(env)!, "--env", result.GetValue(ContextOption));
            var file = ServiceEnvFiles.Build(config, result.GetValue(service)!, facts);
            var entries = file.Entries.Select(e => (object?)ConfigMapping.Of(
                ("name", e.Name),
                ("value", e.Value),
                ("availability", e.Availability switch
                {
                    EnvValueAvailability.Known => "known",
                    EnvValueAvailability.NeedsAccount => "needs_account",
                    _ => "after_deployment",
                }),
                ("origin", e.Origin)));
            var secrets = file.Secrets.Select(s => (object?)ConfigMapping.Of(("name", s.Name), ("value", null), ("availability", "secret"), ("origin", s.Origin)));
            var rendered = file.Render();
            return Task.FromResult(new CommandOutput(ConfigSequence.From(entries.Concat(secrets)))
            {
                Lines = [.. rendered.TrimEnd('\n').Split('\n').Select(line => new StyledText(line))],
                Table = new TableView(
                    ["Variable", "Value", "Availability", "Origin"],
                    [
                        .. file.Entries.Select(e => (IReadOnlyList<StyledText>)[e.Name, e.Value ?? "-", e.Availability.ToString(), e.Origin]),
                        .. file.Secrets.Select(s => (IReadOnlyList<StyledText>)[s.Name, "(secret)", "secret", s.Origin]),
                    ]),
            });
        });
    }

    private static Command Synth()
    {
        var env = EnvOption();
        var outDir = new Option<string?>("--out") { Description = "Cloud assembly folder (default: ./cdk.out)" };
        var app = new Option<string?>("--app") { Description = $"Command that runs the CDK app (default: ${CdkAppCommand.AppVariable}, else the \"app\" of the nearest infra/cdk.json)" };
        var cmd = new Command("synth", "Synthesize CloudFormation for the four stacks of an environment, offline") { env, outDir, app, ContextOption };
        return cmd.WithAction(async (context, ct) =>
        {
            var result = context.Parse;
            var plan = InfraSynthesis.Prepare(result.GetValue(env)!, "--env", result.GetValue(ContextOption), result.GetValue(outDir), result.GetValue(app), Directory.GetCurrentDirectory())
                ?? throw new UsageException($"no CDK app found: run from the repository (infra/cdk.json), pass --app, or set {CdkAppCommand.AppVariable}");
            CreateOutputFolder(plan.OutputDirectory);

            var label = $"Synthesizing {plan.Config.Environment.StackName("*")} (foundation, persistent, edge, compute)";
            SynthesisResult synth;
            if (context.ErrorIsTerminal)
            {
                var escaped = Markup.Escape(label);
                synth = await context.ErrorConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(escaped, status =>
                    InfraSynthesis.RunAsync(plan, line => status.Status($"{escaped}: {Markup.Escape(InputSanitizer.Sanitize(line, 60))}"), ct)).ConfigureAwait(false);
            }
            else
            {
                await context.WriteErrorLineAsync($"{label}…").ConfigureAwait(false);
                synth = await InfraSynthesis.RunAsync(plan, onOutput: null, ct).ConfigureAwait(false);
            }

            var doc = ConfigMapping.Of(
                ("environment", synth.Config.Env.ToName()),
                ("out", synth.OutputDirectory),
                ("seconds", Math.Round(synth.Elapsed.TotalSeconds, 2)),
                ("stacks", ConfigSequence.From(synth.Stacks.Select(s => (object?)ConfigMapping.Of(("stack", s.StackName), ("template", s.Template), ("resources", (long)s.Resources))))));
            return new CommandOutput(doc)
            {
                Table = new TableView(
                    ["Stack", "Template", "Resources"],
                    [.. synth.Stacks.Select(s => (IReadOnlyList<StyledText>)[s.StackName, Path.Combine(synth.OutputDirectory, s.Template), s.Resources.ToString(CultureInfo.InvariantCulture)])])
                {
                    Title = $"{synth.Config.Env.ToName()}: {synth.Stacks.Count} stacks synthesized in {synth.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s",
                    RightAligned = new HashSet<int> { 2 },
                },
                TableByDefault = true,
            };
        });
    }

    /// <summary>The cloud assembly folder must be creatable before Node starts: say which folder and why not, without a trace.</summary>
    private static void CreateOutputFolder(string path)
    {
        if (!OutputFolders.TryCreate(path, unixMode: null, out var whyNot))
        {
            throw new ExternalServiceException("filesystem", $"cannot create the output folder '{InputSanitizer.Sanitize(path)}' (--out): {whyNot}");
        }
    }
}
