using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Resolution;
using TradAI.Infra.Synthesis;

namespace TradAI.Infra.Tests.Synthesis;

/// <summary>
/// What <c>tradai infra synth</c> does around the CDK app, without the CDK: finding cdk.json and the app, the
/// cloud-assembly protocol (context JSON, output folder, variables), reading the manifest, and failing with the
/// app's own words. Apps here are small shell scripts, so every case runs in milliseconds.
/// </summary>
public sealed class CdkProtocolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-cdk-protocol-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cdk_json_is_found_upwards_in_infra_and_keeps_only_our_context_typed()
    {
        Write("infra/cdk.json", """
            {"app": "dotnet run --project x", "context": {"environment": "dev", "skip_alb": true, "strategy_ecr_repos": ["a", "b"],
             "@aws-cdk/core:target-partitions": ["aws"]}}
            """);
        var nested = Directory.CreateDirectory(Path.Combine(_dir, "src", "deep")).FullName;

        var found = CdkJson.Find(nested)!;

        found.Directory.Should().Be(Path.Combine(_dir, "infra"));
        found.App.Should().Be("dotnet run --project x");
        found.Context.Select(c => c.Key).Should().Equal("environment", "skip_alb", "strategy_ecr_repos");
        found.Context.Single(c => c.Key == "skip_alb").Value.Should().Be(true);
        found.Context.Single(c => c.Key == "strategy_ecr_repos").Value.Should().BeEquivalentTo(new[] { "a", "b" });
    }

    [Fact]
    public void A_malformed_cdk_json_is_a_validation_error_naming_the_file()
    {
        var path = Write("cdk.json", "{ not json");
        var act = () => CdkJson.Find(_dir);
        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be(path);
    }

    [Fact]
    public void The_app_is_the_option_then_the_variable_then_cdk_json_run_from_its_folder()
    {
        var cdk = new CdkJson("/repo/infra", "dotnet run", []);
        CdkAppCommand.Resolve("my-app", "env-app", cdk, "/here").Should().Be(new CdkAppCommand("my-app", "/here"));
        CdkAppCommand.Resolve(null, "env-app", cdk, "/here").Should().Be(new CdkAppCommand("env-app", "/here"));
        CdkAppCommand.Resolve(" ", null, cdk, "/here").Should().Be(new CdkAppCommand("dotnet run", "/repo/infra"));
        CdkAppCommand.Resolve(null, null, cdk with { App = null }, "/here").Should().BeNull();
        CdkAppCommand.Resolve(null, null, null, "/here").Should().BeNull();
    }

    [Fact]
    public void The_context_reaches_the_app_as_json_typed_as_given_and_the_environment_wins()
    {
        var cdk = new CdkJson(_dir, null, [new("environment", "prod"), new("skip_alb", true), new("cors_allowed_origins", new List<string> { "https://a.example" })]);

        var context = InfraWorkspace.BuildContext(DeploymentEnvironment.Staging, ["skip_alb=false", "region=eu-west-1"], cdk);
        using var json = JsonDocument.Parse(CdkApp.ContextJson(context));

        var root = json.RootElement;
        root.GetProperty("environment").GetString().Should().Be("staging");
        root.GetProperty("skip_alb").GetString().Should().Be("false", "-c values are text, as the CDK CLI passes them");
        root.GetProperty("region").GetString().Should().Be("eu-west-1");
        root.GetProperty("cors_allowed_origins").EnumerateArray().Select(e => e.GetString()).Should().Equal("https://a.example");
        CdkApp.ContextJson(InfraContext.From([new("consolidated_mode", true)])).Should().Be("""{"consolidated_mode":true}""");
    }

    [Fact]
    public async Task The_app_gets_the_protocol_variables_and_the_resolutions_and_its_stacks_are_read()
    {
        var output = Path.Combine(_dir, "out");
        var app = Write("app.sh", """
            mkdir -p "$CDK_OUTDIR"
            printf '%s' "$CDK_CONTEXT_JSON" > "$CDK_OUTDIR/context.json"
            printf '%s' "$FROM_DOTENV" > "$CDK_OUTDIR/dotenv.txt"
            echo '{"Resources":{"A":{"Type":"AWS::S3::Bucket"},"B":{"Type":"AWS::S3::Bucket"}}}' > "$CDK_OUTDIR/Persistent.template.json"
            echo '{"artifacts":{"Tree":{"type":"cdk:tree"},"Persistent":{"type":"aws:cloudformation:stack","properties":{"templateFile":"Persistent.template.json","stackName":"tradai-persistent-dev"}}}}' > "$CDK_OUTDIR/manifest.json"
            echo "synthesizing"
            """);
        var sources = new InfraSources(InfraContext.From([new("environment", "dev")]), new Dictionary<string, string> { ["FROM_DOTENV"] = "yes" });
        var lines = new List<string>();

        var run = await CdkApp.RunAsync(new CdkAppCommand($"sh {app}", _dir), output, sources, line => { lock (lines) { lines.Add(line); } }, Ct);

        run.ExitCode.Should().Be(0, run.Stderr);
        (await File.ReadAllTextAsync(Path.Combine(output, "context.json"), Ct)).Should().Be("""{"environment":"dev"}""");
        (await File.ReadAllTextAsync(Path.Combine(output, "dotenv.txt"), Ct)).Should().Be("yes");
        lines.Should().Contain("synthesizing");
        CloudAssembly.Read(output).Should().Equal(new SynthesizedStack("tradai-persistent-dev", "Persistent.template.json", 2));
    }

    [Fact]
    public async Task A_failing_app_is_an_external_service_error_with_its_last_words_and_no_banners()
    {
        var plan = new SynthesisPlan(
            InfraConfigResolver.Resolve(DeploymentEnvironment.Dev),
            new CdkAppCommand("echo '!! node banner' >&2; echo 'error: context.skip_alb is bad' >&2; exit 3", _dir),
            Path.Combine(_dir, "out"),
            InfraSources.FromContext(InfraContext.Empty));

        var act = () => InfraSynthesis.RunAsync(plan, cancellationToken: Ct);

        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().Contain("exited with code 3").And.Contain("context.skip_alb is bad").And.NotContain("node banner");
    }

    [Fact]
    public async Task An_app_that_writes_no_manifest_is_an_error()
    {
        var plan = new SynthesisPlan(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), new CdkAppCommand("true", _dir), Path.Combine(_dir, "empty"), InfraSources.FromContext(InfraContext.Empty));
        var act = () => InfraSynthesis.RunAsync(plan, cancellationToken: Ct);
        (await act.Should().ThrowAsync<ExternalServiceException>()).Which.Message.Should().Contain("wrote no manifest.json");
    }

    [Fact]
    public void A_malformed_manifest_is_an_error_not_a_crash()
    {
        Write("bad/manifest.json", """{"artifacts":{"S":{"type":"aws:cloudformation:stack","properties":{}}}}""");
        var act = () => CloudAssembly.Read(Path.Combine(_dir, "bad"));
        act.Should().Throw<ExternalServiceException>().Which.Message.Should().Contain("unreadable");
    }

    [Fact]
    public void Bad_overrides_fail_in_prepare_before_any_app_runs()
    {
        var marker = Path.Combine(_dir, "ran");
        var act = () => InfraSynthesis.Prepare("prod", "--env", ["skip_alb=yes"], null, $"touch {marker}", _dir);

        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("context.skip_alb");
        File.Exists(marker).Should().BeFalse();
    }

    [Fact]
    public void Prepare_resolves_the_output_folder_and_the_app_from_cdk_json()
    {
        Write("infra/cdk.json", """{"app": "run-the-app", "context": {"environment": "dev"}}""");

        var plan = InfraSynthesis.Prepare("staging", "--env", [], "assembly", null, _dir)!;

        plan.Config.Env.Should().Be(DeploymentEnvironment.Staging, "--env wins over cdk.json's environment");
        plan.App.Should().Be(new CdkAppCommand("run-the-app", Path.Combine(_dir, "infra")));
        plan.OutputDirectory.Should().Be(Path.Combine(_dir, "assembly"));
    }
}
