using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3.Model;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.DotEnv;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Deployment;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Catalog;
using TradAI.Settings.Loading;

namespace TradAI.Cli.Tests;

/// <summary>
/// The CLI's side of the deployed world: what <c>tradai infra env</c> prints is what each service's settings accept,
/// <c>infra synth</c> speaks the CDK app protocol, and the AWS backend's default bucket follows <c>TRADAI_ENV</c> as
/// the stacks name it.
/// </summary>
public sealed partial class DeployedWorldCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-world-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> ServicesOfEveryEnvironment() => DeployedServices.OfEveryEnvironment();

    [Theory]
    [MemberData(nameof(ServicesOfEveryEnvironment))]
    public async Task The_env_file_infra_env_prints_plus_the_secrets_it_names_is_valid_for_the_service(string env, string service)
    {
        var run = await CliProcess.RunAsync(["infra", "env", "--env", env, "--service", service, "--account", "123456789012"], workingDirectory: _dir);
        run.ExitCode.Should().Be(0, run.Stderr);

        var variables = DotEnvParser.Parse(run.Stdout, "infra env");
        var secrets = SecretLine().Matches(run.Stdout).Select(m => m.Groups["name"].Value).ToList();
        foreach (var secret in secrets)
        {
            variables[secret] = secret.EndsWith("DB_HOST", StringComparison.Ordinal) ? "db.internal" : "dummy-" + new string('s', 58);
        }

        var schema = SettingsCatalog.Find(service)!;
        var resolution = SettingsLoader.Resolve(schema, new SettingsLoadOptions { Environment = variables, EnvFiles = [], LoadS3Config = false });

        resolution.IsValid.Should().BeTrue(string.Join("; ", resolution.Problems));
        variables.Keys.Should().AllSatisfy(name => schema.Reads(name).Should().BeTrue($"{schema.TypeName} reads {name}"));
        secrets.Should().BeEquivalentTo(ServiceProfiles.Get(service).Secrets.Select(s => ServiceProfiles.Get(service).Variable(s.Variable)));
    }

    [Fact]
    public async Task Infra_env_as_json_lists_the_secrets_without_values()
    {
        var run = await CliProcess.RunAsync(["infra", "env", "--env", "prod", "--service", "backend", "-o", "json"], workingDirectory: _dir);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var secret = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("availability").GetString() == "secret");
        secret.GetProperty("name").GetString().Should().Be("BACKEND_WEBSOCKET_SECRET_KEY");
        secret.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        secret.GetProperty("origin").GetString().Should().Be("secretsmanager:tradai-ws-secret-key-prod");
    }

    [Fact]
    public async Task Settings_and_infra_name_services_alike()
    {
        var infra = await CliProcess.RunAsync(["infra", "env", "--env", "dev", "--service", "strategy-service"], workingDirectory: _dir);
        var settings = await CliProcess.RunAsync(["settings", "validate", "strategy-service", "--no-s3-config"], workingDirectory: _dir);
        var old = await CliProcess.RunAsync(["settings", "validate", "strategy", "--no-s3-config"], workingDirectory: _dir);

        infra.ExitCode.Should().Be(0, infra.Stderr);
        settings.ExitCode.Should().Be(0, settings.Stderr);
        old.ExitCode.Should().Be(2, "one service naming: the stacks' name");
    }

    [Fact]
    public async Task Infra_synth_runs_the_app_over_the_cdk_protocol_and_lists_its_stacks()
    {
        var app = Path.Combine(_dir, "app.sh");
        await File.WriteAllTextAsync(app, """
            mkdir -p "$CDK_OUTDIR"
            printf '%s' "$CDK_CONTEXT_JSON" > "$CDK_OUTDIR/context.json"
            echo '{"Resources":{"A":{"Type":"AWS::S3::Bucket"}}}' > "$CDK_OUTDIR/Persistent.template.json"
            echo '{"artifacts":{"Persistent":{"type":"aws:cloudformation:stack","properties":{"templateFile":"Persistent.template.json","stackName":"tradai-persistent-prod"}}}}' > "$CDK_OUTDIR/manifest.json"
            """, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string?> { ["TRADAI_INFRA_CDK_APP"] = $"sh {app}" };

        var run = await CliProcess.RunAsync(["infra", "synth", "--env", "prod", "--out", "assembly", "-c", "skip_alb=true", "-o", "json"], environment, workingDirectory: _dir);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("stacks")[0].GetProperty("stack").GetString().Should().Be("tradai-persistent-prod");
        doc.RootElement.GetProperty("stacks")[0].GetProperty("resources").GetInt32().Should().Be(1);
        using var context = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "assembly", "context.json"), TestContext.Current.CancellationToken));
        context.RootElement.GetProperty("environment").GetString().Should().Be("prod");
        context.RootElement.GetProperty("skip_alb").GetString().Should().Be("true");
    }

    [Fact]
    public async Task Infra_synth_checks_overrides_before_the_app_and_says_when_there_is_no_app()
    {
        var marker = Path.Combine(_dir, "ran");
        var bad = await CliProcess.RunAsync(["infra", "synth", "--env", "prod", "-c", "skip_alb=yes"], new Dictionary<string, string?> { ["TRADAI_INFRA_CDK_APP"] = $"touch {marker}" }, workingDirectory: _dir);
        var none = await CliProcess.RunAsync(["infra", "synth", "--env", "prod"], new Dictionary<string, string?> { ["TRADAI_INFRA_CDK_APP"] = null }, workingDirectory: _dir);
        var failing = await CliProcess.RunAsync(["infra", "synth", "--env", "dev"], new Dictionary<string, string?> { ["TRADAI_INFRA_CDK_APP"] = "echo 'boom: bad stack' >&2; exit 4" }, workingDirectory: _dir);

        bad.ExitCode.Should().Be(1);
        bad.Stderr.Should().Contain("context.skip_alb");
        File.Exists(marker).Should().BeFalse();
        none.ExitCode.Should().Be(2);
        none.Stderr.Should().Contain("no CDK app found");
        failing.ExitCode.Should().Be(5);
        failing.Stderr.Should().Contain("exited with code 4").And.Contain("boom: bad stack");
    }

    [Fact]
    public async Task Without_bucket_or_variable_the_config_store_is_the_deployed_bucket_of_TRADAI_ENV()
    {
        const string bucket = "tradai-configs-staging";
        using (var s3 = new AwsClientFactory(new AwsClientOptions { EndpointUrl = EmulatorEndpoints.S3, Region = "us-east-1", Credentials = new BasicAWSCredentials("x", "x") }).CreateS3())
        {
            try
            {
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, TestContext.Current.CancellationToken);
            }
            catch (Amazon.S3.AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
            }
        }

        var name = "world-" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string?>
        {
            ["TRADAI_BACKEND"] = "aws",
            ["TRADAI_ENV"] = "staging",
            ["TRADAI_S3_BUCKET"] = null,
            ["PROJECT_NAME"] = null,
            ["AWS_ENDPOINT_URL"] = EmulatorEndpoints.S3,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "x",
            ["AWS_SECRET_ACCESS_KEY"] = "x",
        };

        var put = await CliProcess.RunAsync(["config", "put", name, "--file", "-"], environment, "timeframe: 5m\n", _dir);
        var explicitBucket = await CliProcess.RunAsync(["config", "exists", name, "--bucket", bucket], new Dictionary<string, string?>(environment) { ["TRADAI_ENV"] = "prod" }, workingDirectory: _dir);
        var list = await CliProcess.RunAsync(["config", "list"], environment, workingDirectory: _dir);
        var prod = await CliProcess.RunAsync(["config", "list"], new Dictionary<string, string?>(environment) { ["TRADAI_ENV"] = "prod" }, workingDirectory: _dir);

        put.ExitCode.Should().Be(0, put.Stderr);
        list.Stdout.Should().Contain(name);
        explicitBucket.ExitCode.Should().Be(0, "--bucket still overrides");
        prod.ExitCode.Should().Be(5, "prod's bucket does not exist here");
        prod.Stderr.Should().Contain("tradai-configs-prod");
    }

    [GeneratedRegex(@"^# (?<name>[A-Z0-9_]+)= secret, injected by ECS", RegexOptions.Multiline)]
    private static partial Regex SecretLine();
}
