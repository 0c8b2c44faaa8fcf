using System.Diagnostics;
using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Tests.Support;
using TradAI.Config.Testing;

namespace TradAI.Config.Hosting.Tests.Sample;

/// <summary>
/// <c>examples/StrategyWorker</c> as a user runs it: a separate process configured from the command line, JSON lines on
/// stdout for every applied version and failed refresh, a clear non-zero exit without an active version, and a clean
/// SIGTERM stop.
/// </summary>
public sealed class StrategyWorkerProcessTests
{
    private const string Strategy = "momentum-btc";
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string WorkerDll
    {
        get
        {
            var path = Path.Combine(EmulatorEndpoints.RepositoryRoot, "examples", "StrategyWorker", "bin", Configuration, "net10.0", "StrategyWorker.dll");
            File.Exists(path).Should().BeTrue($"the sample is built with the tests ({path})");
            return path;
        }
    }

    private static ChildProcess StartWorker(string workingDirectory, params string[] args) =>
        ChildProcess.Start("dotnet", [WorkerDll, .. args], workingDirectory, new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production" });

    private static async Task<ConfigMapping> ExampleConfigAsync() =>
        await YamlConfigReader.ReadFileAsync(Path.Combine(EmulatorEndpoints.RepositoryRoot, "configs", "momentum-btc.yaml"), cancellationToken: Ct);

    private static async Task<ConfigVersion> ActivateAsync(ConfigVersionService versions, ConfigMapping content)
    {
        var created = await versions.CreateAsync(Strategy, content, "test", Ct);
        return (await versions.ActivateAsync(Strategy, created.Version.ConfigId, Ct)).Version;
    }

    private static JsonElement Json(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static Func<string, bool> Event(string name, string configIdField, string configId) => line =>
    {
        var json = Json(line);
        return json.GetProperty("event").GetString() == name && json.GetProperty(configIdField).GetString() == configId;
    };

    private static async Task StopCleanlyAsync(ChildProcess worker)
    {
        var clock = Stopwatch.StartNew();
        worker.Terminate();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(10));
        clock.Stop();

        exitCode.Should().Be(0, worker.Stderr);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "SIGTERM stops the worker within 5 s");
        worker.Lines.Select(l => Json(l).TryGetProperty("event", out var _)).Should().OnlyContain(ok => ok, "stdout carries only the JSON event lines");
    }

    [Fact]
    public async Task On_the_embedded_store_it_reports_the_start_version_each_activation_and_each_failed_refresh_then_stops_on_SIGTERM()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "store");
        var versions = new ConfigVersionService(Local.Versioning.SqliteConfigVersionRepository.ForStore(store));
        var content = await ExampleConfigAsync();
        var v1 = await ActivateAsync(versions, content);

        await using var worker = StartWorker(dir.Path, $"--TradAI:Strategy={Strategy}", $"--TradAI:Store={store}", "--TradAI:RefreshInterval=00:00:01");
        var first = await worker.WaitForLineAsync(Event("config_applied", "config_id", v1.ConfigId), LineTimeout);
        var applied = Json(worker.Lines[first]);
        applied.GetProperty("strategy").GetString().Should().Be(Strategy);
        applied.GetProperty("timeframe").GetString().Should().Be("1h");

        var v2 = await ActivateAsync(versions, content.With("timeframe", "15m"));
        var second = await worker.WaitForLineAsync(Event("config_applied", "config_id", v2.ConfigId), LineTimeout, first + 1);
        Json(worker.Lines[second]).GetProperty("timeframe").GetString().Should().Be("15m");

        // An invalid version written around ConfigVersionService: refused, the running version kept.
        var bad = await versions.GetAsync(Strategy, v2.ConfigId, Ct);
        await Local.Versioning.SqliteConfigVersionRepository.ForStore(store).CreateAsync(StrategyContent.Raw(Strategy, bad.ConfigData.With("timeframe", "sometimes")), Ct);
        var third = await worker.WaitForLineAsync(Event("refresh_failed", "kept_config_id", v2.ConfigId), LineTimeout, second + 1);
        var failed = Json(worker.Lines[third]);
        failed.GetProperty("strategy").GetString().Should().Be(Strategy);
        failed.GetProperty("reason").GetString().Should().Contain("is invalid").And.Contain("timeframe");

        await StopCleanlyAsync(worker);
        worker.Lines.Count(l => Json(l).GetProperty("event").GetString() == "config_applied").Should().Be(2, "one line per applied version");
    }

    [Fact]
    public async Task On_DynamoDB_it_follows_the_versions_table_named_on_the_command_line()
    {
        await using var backend = await DynamoDbHostBackend.SharedAsync();
        var content = await ExampleConfigAsync();
        var v1 = await ActivateAsync(backend.Versions, content);

        await using var worker = StartWorker(backend.Root,
            $"--TradAI:Strategy={Strategy}", "--TradAI:Backend=aws", $"--TradAI:VersionsTable={backend.TableName}",
            $"--TradAI:Aws:EndpointUrl={backend.Endpoint}", "--TradAI:Aws:Region=us-east-1", "--TradAI:RefreshInterval=00:00:01");
        var first = await worker.WaitForLineAsync(Event("config_applied", "config_id", v1.ConfigId), LineTimeout);

        var v2 = await ActivateAsync(backend.Versions, content.With("timeframe", "4h"));
        var second = await worker.WaitForLineAsync(Event("config_applied", "config_id", v2.ConfigId), LineTimeout, first + 1);
        Json(worker.Lines[second]).GetProperty("timeframe").GetString().Should().Be("4h");

        await StopCleanlyAsync(worker);
    }

    [Fact]
    public async Task Without_an_active_version_dotnet_run_exits_non_zero_naming_the_strategy()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "store");

        await using var run = ChildProcess.Start(
            "dotnet",
            ["run", "--project", "examples/StrategyWorker", "-c", Configuration, "--no-build", "--", $"--TradAI:Strategy={Strategy}", $"--TradAI:Store={store}"],
            EmulatorEndpoints.RepositoryRoot);
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(3, "not found, as the CLI's exit codes");
        run.Stderr.Should().Contain($"strategy-worker: strategy '{Strategy}' cannot start").And.Contain("no active config version");
        run.Lines.Should().BeEmpty("nothing was applied");
    }

    [Fact]
    public async Task Without_a_strategy_it_exits_2_with_usage()
    {
        using var dir = new TempDirectory();
        await using var worker = StartWorker(dir.Path);

        (await worker.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2);
        worker.Stderr.Should().Contain("--TradAI:Strategy=NAME");
    }
}
