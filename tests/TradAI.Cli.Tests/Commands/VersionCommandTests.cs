using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;
using TradAI.Config.Testing;

namespace TradAI.Cli.Tests.Commands;

/// <summary><c>tradai version ...</c> end to end, as a child process, on the embedded SQLite store and on DynamoDB Local.</summary>
public sealed class VersionCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-version-cli-").FullName;

    private string Store => Path.Combine(_dir, "store");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Versions must be valid strategy configs: the fields a test does not set come from this base.
    private static readonly ConfigMapping ValidBase = YamlConfigReader.ParseMapping(
        "name: momentum\nversion: 1.0.0\ntimeframe: 1h\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\n");

    private string WriteFile(string name, string yaml, bool completeStrategy = true)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, completeStrategy ? ConfigYamlWriter.ToYaml(ConfigMerger.Merge(ValidBase, YamlConfigReader.ParseMapping(yaml))) : yaml);
        return path;
    }

    private static Task<CliProcess.Result> Run(IDictionary<string, string?>? environment, params string[] args) => CliProcess.RunAsync(args, environment);

    private Task<CliProcess.Result> Local(params string[] args) => Run(new Dictionary<string, string?> { ["TRADAI_BACKEND"] = null }, [.. args, "--store", Store]);

    private static JsonElement Json(CliProcess.Result result) => JsonDocument.Parse(result.Stdout).RootElement;

    [Fact]
    public async Task The_whole_lifecycle_runs_on_the_embedded_store_with_documented_exit_codes()
    {
        var a = WriteFile("a.yaml", "timeframe: 5m\nparams: {n: 3, ratio: 0.5}\npairs: [BTC/USDT]\n");
        var b = WriteFile("b.yaml", "timeframe: 15m\nparams: {n: 3, extra: true}\npairs: [BTC/USDT, ETH/USDT]\n");

        var v1 = Json(await Local("version", "create", "momentum", "--file", a, "--created-by", "alice", "-o", "json")).GetProperty("version");
        var dup = await Local("version", "create", "momentum", "--file", a);
        var v2 = Json(await Local("version", "create", "momentum", "--file", b, "-o", "json")).GetProperty("version");
        var id1 = v1.GetProperty("config_id").GetString()!;
        var id2 = v2.GetProperty("config_id").GetString()!;

        id1.Should().MatchRegex("^v1-[0-9a-f]{8}$");
        v1.GetProperty("created_by").GetString().Should().Be("alice");
        dup.ExitCode.Should().Be(0);
        dup.Stdout.Should().Contain($"unchanged: the same content is {id1}");
        id2.Should().StartWith("v2-");

        (await Local("version", "activate", "momentum", id1)).ExitCode.Should().Be(0);
        var second = await Local("version", "activate", "momentum", id2, "--deployed-by", "bob");
        second.Stdout.Should().Contain($"activated {id2}; deprecated {id1}");

        var active = Json(await Local("version", "active", "momentum", "-o", "json"));
        active.GetProperty("config_id").GetString().Should().Be(id2);
        active.GetProperty("config_data").GetProperty("timeframe").GetString().Should().Be("15m");
        active.GetProperty("deployed_by").GetString().Should().Be("bob");

        var list = Json(await Local("version", "list", "momentum", "-o", "json")).GetProperty("versions");
        list.EnumerateArray().Select(v => v.GetProperty("config_id").GetString()).Should().Equal(id2, id1);
        list[1].GetProperty("superseded_by").GetString().Should().Be(id2);
        list[1].GetProperty("status").GetString().Should().Be("deprecated");
        list[1].GetProperty("deployed_by").GetString().Should().Be(Environment.UserName, "without --deployed-by the OS user deploys");

        var diff = Json(await Local("version", "diff", "momentum", id1, id2, "-o", "json"));
        diff.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("path").GetString(), c.GetProperty("kind").GetString()))
            .Should().BeEquivalentTo(new[] { ("timeframe", "changed"), ("params.ratio", "removed"), ("params.extra", "added"), ("pairs[1]", "added") });
        var coloured = await Local("version", "diff", "momentum", id1, id2);
        coloured.Stdout.Should().Contain("~ timeframe: 5m -> 15m").And.Contain("- params.ratio: 0.5").And.Contain("+ params.extra: true");

        var rollback = await Local("version", "rollback", "momentum", "--to", id1, "--created-by", "carol");
        rollback.ExitCode.Should().Be(0);
        rollback.Stdout.Should().Contain("created and activated v3-" + id1[3..]);
        var rolledBack = Json(await Local("version", "show", "momentum", "v3-" + id1[3..], "-o", "json"));
        rolledBack.GetProperty("status").GetString().Should().Be("active");
        rolledBack.GetProperty("deployed_by").GetString().Should().Be("carol");
    }

    [Fact]
    public async Task Bad_input_exits_non_zero_with_one_line_on_stderr_and_changes_nothing()
    {
        var a = WriteFile("a.yaml", "x: 1\n");
        var nan = WriteFile("nan.yaml", "x: .nan\n");
        var template = Path.Combine(AppContext.BaseDirectory, "configs", "template-strategy.yaml");
        var bare = WriteFile("bare.yaml", "parameters: {n: 1}\n", completeStrategy: false);
        var id = Json(await Local("version", "create", "s", "--file", a, "-o", "json")).GetProperty("version").GetProperty("config_id").GetString()!;
        await Local("version", "activate", "s", id);

        var cases = new (string[] Args, int Code)[]
        {
            (["version", "show", "s", "v9-00000000"], 3),
            (["version", "list", "unknown-strategy"], 3),
            (["version", "active", "unknown-strategy"], 3),
            (["version", "activate", "s", id], 4),
            (["version", "show", "s", "latest"], 1),
            (["version", "create", "s", "--file", nan], 1),
            (["version", "create", "s", "--file", template], 1),
            (["version", "create", "s", "--file", bare], 1),
            (["version", "create", "bad name", "--file", a], 1),
            (["version", "list", "s", "--status", "retired"], 2),
            (["version", "list", "s", "--limit", "0"], 2),
            (["version", "create", "s"], 2),
            (["version", "list", "s", "--backend", "nope"], 2),
        };
        foreach (var (args, code) in cases)
        {
            var result = await Local(args);
            result.ExitCode.Should().Be(code, string.Join(' ', args));
            result.Stderr.Should().NotBeEmpty().And.NotContain("   at ", "no stack traces");
        }

        var list = Json(await Local("version", "list", "s", "-o", "json")).GetProperty("versions");
        list.GetArrayLength().Should().Be(1);
        list[0].GetProperty("status").GetString().Should().Be("active");
    }

    [Fact]
    public async Task Invalid_configs_never_become_versions_and_every_problem_is_listed()
    {
        var template = await Local("version", "create", "s", "--file", Path.Combine(AppContext.BaseDirectory, "configs", "template-strategy.yaml"));
        var bare = await Local("version", "create", "s", "--file", WriteFile("bare.yaml", "parameters: {n: 1}\n", completeStrategy: false));

        template.ExitCode.Should().Be(1);
        template.Stderr.Should().Contain("name: missing mandatory value (???)");
        bare.ExitCode.Should().Be(1);
        bare.Stderr.Should().Contain("name: required field is missing").And.Contain("version:").And.Contain("timeframe:").And.Contain("pairs:");
        (await Local("version", "list", "s")).ExitCode.Should().Be(3, "nothing was created");
    }

    [Fact]
    public async Task The_aws_backend_runs_on_dynamodb_and_reports_its_requests()
    {
        var table = "cli-versions-" + Guid.NewGuid().ToString("N")[..10];
        var environment = new Dictionary<string, string?>
        {
            ["TRADAI_BACKEND"] = "aws",
            ["TRADAI_VERSIONS_TABLE"] = table,
            ["AWS_ENDPOINT_URL"] = EmulatorEndpoints.DynamoDb,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "x",
            ["AWS_SECRET_ACCESS_KEY"] = "x",
        };
        var a = WriteFile("a.yaml", "timeframe: 5m\n");

        var missing = await Run(environment, "version", "list", "s");
        var notCreated = await Run(environment, "version", "create", "s", "--file", a);
        var created = await Run(environment, "version", "create", "s", "--file", a, "-o", "json", "--create-table");
        var id = Json(created).GetProperty("version").GetProperty("config_id").GetString()!;
        var activate = await Run(environment, "version", "activate", "s", id, "--show-requests");
        var active = await Run(environment, "version", "active", "s", "-o", "json", "--show-requests");
        var down = await Run(new Dictionary<string, string?>(environment) { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9" }, "version", "active", "s");

        missing.ExitCode.Should().Be(5);
        missing.Stderr.Should().Contain($"DynamoDB table '{table}' does not exist").And.Contain("--create-table");
        notCreated.ExitCode.Should().Be(5, "a write no longer creates a missing table unless --create-table says so");
        notCreated.Stderr.Should().Contain($"DynamoDB table '{table}' does not exist");
        created.ExitCode.Should().Be(0, created.Stderr);
        activate.Stderr.Should().Contain("dynamodb requests: 2 (BatchGetItem 1, TransactWriteItems 1)");
        Json(active).GetProperty("config_id").GetString().Should().Be(id);
        active.Stderr.Should().Contain("dynamodb requests: 1 (GetItem 1)");
        down.ExitCode.Should().Be(5);
        down.Stderr.Should().StartWith("error: DynamoDB");
    }
}
