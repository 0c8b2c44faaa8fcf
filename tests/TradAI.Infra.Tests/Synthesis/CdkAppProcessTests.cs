using System.Diagnostics;
using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Testing;

namespace TradAI.Infra.Tests.Synthesis;

/// <summary>
/// The CDK app as the CDK CLI (and <c>tradai infra synth</c>) runs it: a child process given CDK_CONTEXT_JSON and
/// CDK_OUTDIR. Covers reading cdk.json-typed context (JSON booleans and arrays) through jsii.
/// </summary>
public sealed class CdkAppProcessTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("tradai-cdk-app-").FullName;

    [Fact]
    public async Task Bad_overrides_stop_the_app_before_anything_is_synthesized()
    {
        var run = await RunAppAsync("""{"environment":"prod","skip_alb":"yes","custom_ami_id":"ami-0123456789abcdef0"}""");

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("context.skip_alb").And.Contain("context.custom_ami_id");
        File.Exists(Path.Combine(_out, "manifest.json")).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_environment_stops_the_app()
    {
        var run = await RunAppAsync("""{"environment":"production"}""");
        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("'production' is not an environment");
    }

    [Fact]
    public async Task Cdk_json_typed_context_synthesizes_the_four_stacks()
    {
        var run = await RunAppAsync("""{"environment":"staging","consolidated_mode":false,"strategy_ecr_repos":["momentum"],"cors_allowed_origins":["https://ops.tradai.example"]}""");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "manifest.json"), TestContext.Current.CancellationToken));
        manifest.RootElement.GetProperty("artifacts").EnumerateObject()
            .Where(a => a.Value.GetProperty("type").GetString() == "aws:cloudformation:stack")
            .Select(a => a.Value.GetProperty("properties").GetProperty("stackName").GetString())
            .Should().BeEquivalentTo("tradai-foundation-staging", "tradai-persistent-staging", "tradai-edge-staging", "tradai-compute-staging");

        var persistent = await File.ReadAllTextAsync(Path.Combine(_out, "Persistent.template.json"), TestContext.Current.CancellationToken);
        persistent.Should().Contain("\"tradai-strategy-momentum-staging\"");
        var compute = await File.ReadAllTextAsync(Path.Combine(_out, "Compute.template.json"), TestContext.Current.CancellationToken);
        compute.Should().NotContain("AWS::AutoScaling::AutoScalingGroup", "consolidated_mode=false (a JSON boolean) selects Fargate");
        var edge = await File.ReadAllTextAsync(Path.Combine(_out, "Edge.template.json"), TestContext.Current.CancellationToken);
        edge.Should().Contain("https://ops.tradai.example");
    }

    /// <summary>
    /// The app as its own project built it: this test assembly's folder also holds the ASP.NET Core app's assemblies
    /// (through the CLI), which drops package copies of Microsoft.Extensions.* the app's own runtime config needs.
    /// </summary>
    private static string CdkAppPath
    {
        get
        {
            var testProject = Path.Combine(EmulatorEndpoints.RepositoryRoot, "tests", "TradAI.Infra.Tests");
            var output = Path.GetRelativePath(testProject, AppContext.BaseDirectory); // bin/{Configuration}/{tfm}
            return Path.Combine(EmulatorEndpoints.RepositoryRoot, "src", "TradAI.Infra.Cdk", output, "TradAI.Infra.Cdk.dll");
        }
    }

    private async Task<(int ExitCode, string Stderr)> RunAppAsync(string contextJson)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _out,
        };
        psi.ArgumentList.Add(CdkAppPath);
        psi.Environment["CDK_CONTEXT_JSON"] = contextJson;
        psi.Environment["CDK_OUTDIR"] = _out;
        psi.Environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1";
        foreach (var variable in new[] { "ENVIRONMENT", "AWS_REGION", "PROJECT_NAME", "CDK_DEFAULT_ACCOUNT" })
        {
            psi.Environment.Remove(variable);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        return (process.ExitCode, await stderr);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
