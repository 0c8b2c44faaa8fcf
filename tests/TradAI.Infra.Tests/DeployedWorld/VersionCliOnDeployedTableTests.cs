using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Testing.Support;

namespace TradAI.Infra.Tests.DeployedWorld;

/// <summary>
/// <c>tradai version …</c> with <c>--backend aws</c>, <c>TRADAI_ENV=dev</c> and no <c>--table</c>, against the table
/// the dev persistent stack deploys: the CLI finds the deployed table by itself, the whole lifecycle runs on it, and
/// it never creates a table of its own.
/// </summary>
[Collection(DeployedVersionsTableCollection.Name)]
public sealed class VersionCliOnDeployedTableTests(DeployedVersionsTable table) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-deployed-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string?> Environment(string env) => new()
    {
        ["TRADAI_BACKEND"] = "aws",
        ["TRADAI_ENV"] = env,
        ["TRADAI_VERSIONS_TABLE"] = null,
        ["ENVIRONMENT"] = null,
        ["PROJECT_NAME"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_ENDPOINT_URL"] = table.Endpoint,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "x",
        ["AWS_SECRET_ACCESS_KEY"] = "x",
    };

    private Task<CliProcess.Result> Dev(params string[] args) => CliProcess.RunAsync(args, Environment("dev"), workingDirectory: _dir);

    private string File(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, yaml);
        return path;
    }

    private static JsonElement Json(CliProcess.Result result)
    {
        result.ExitCode.Should().Be(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private async Task<List<string>> TablesAsync() =>
        (await table.Client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest(), TestContext.Current.CancellationToken)).TableNames;

    [Fact]
    public async Task Create_activate_list_active_and_rollback_run_on_the_deployed_table_and_create_no_other()
    {
        var strategy = "cli-" + Guid.NewGuid().ToString("N")[..10];
        var a = File("a.yaml", "name: momentum\nversion: 1.0.0\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\ntimeframe: 5m\nparams: {n: 3}\n");
        var b = File("b.yaml", "name: momentum\nversion: 1.0.0\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\ntimeframe: 15m\nparams: {n: 4}\n");

        var v1 = Json(await Dev("version", "create", strategy, "--file", a, "-o", "json")).GetProperty("version").GetProperty("config_id").GetString()!;
        var v2 = Json(await Dev("version", "create", strategy, "--file", b, "-o", "json")).GetProperty("version").GetProperty("config_id").GetString()!;
        (await Dev("version", "activate", strategy, v1)).ExitCode.Should().Be(0);
        var second = await Dev("version", "activate", strategy, v2);
        var activeBefore = Json(await Dev("version", "active", strategy, "-o", "json"));
        var rollback = await Dev("version", "rollback", strategy, "--to", v1);
        var active = Json(await Dev("version", "active", strategy, "-o", "json"));
        var list = Json(await Dev("version", "list", strategy, "-o", "json")).GetProperty("versions");

        v1.Should().StartWith("v1-");
        v2.Should().StartWith("v2-");
        second.Stdout.Should().Contain($"activated {v2}; deprecated {v1}");
        activeBefore.GetProperty("config_id").GetString().Should().Be(v2);
        rollback.ExitCode.Should().Be(0, rollback.Stderr);
        active.GetProperty("config_id").GetString().Should().Be("v3-" + v1[3..]);
        active.GetProperty("config_data").GetProperty("timeframe").GetString().Should().Be("5m");
        list.EnumerateArray().Select(v => v.GetProperty("config_id").GetString()).Should().Equal("v3-" + v1[3..], v2, v1);
        list.EnumerateArray().Select(v => v.GetProperty("status").GetString()).Should().Equal("active", "deprecated", "deprecated");

        // What the CLI wrote is in the deployed table, and no other table came to exist.
        (await TablesAsync()).Should().Equal(DeployedVersionsTable.ExpectedName);
    }

    [Fact]
    public async Task Another_environment_without_its_table_is_an_error_naming_the_table_and_how_to_deploy_it()
    {
        var a = File("a.yaml", "name: momentum\nversion: 1.0.0\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\ntimeframe: 5m\n");
        var staging = Environment("staging");

        var list = await CliProcess.RunAsync(["version", "list", "momentum"], staging, workingDirectory: _dir);
        var create = await CliProcess.RunAsync(["version", "create", "momentum", "--file", a], staging, workingDirectory: _dir);

        foreach (var run in new[] { list, create })
        {
            run.ExitCode.Should().Be(5);
            run.Stderr.Should().Contain("DynamoDB table 'tradai-config-versions-staging' does not exist")
                .And.Contain("npx aws-cdk deploy tradai-persistent-staging -c environment=staging")
                .And.Contain("--create-table")
                .And.NotContain("   at ");
        }

        (await TablesAsync()).Should().Equal(DeployedVersionsTable.ExpectedName);
    }

    [Fact]
    public async Task An_unknown_TRADAI_ENV_is_refused_before_any_request()
    {
        var run = await CliProcess.RunAsync(["version", "list", "momentum"], Environment("production"), workingDirectory: _dir);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("TRADAI_ENV").And.Contain("'production' is not an environment");
    }
}
