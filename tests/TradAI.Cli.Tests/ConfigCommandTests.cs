using System.Text.Json;
using TradAI.Config.Core.Inputs;

namespace TradAI.Cli.Tests;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("tradai-cli-").FullName;

    public ConfigCommandTests()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "configs")))
        {
            File.Copy(f, Path.Combine(_store, Path.GetFileName(f)));
        }
    }

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--store", _store]);

    private string[] StoreFiles() => [.. Directory.GetFiles(_store, "*", SearchOption.AllDirectories).Select(f => f + ":" + File.ReadAllText(f)).Order()];

    private static void AssertNoStackTrace(CliProcess.Result r) => Assert.DoesNotContain("   at ", r.Stderr + r.Stdout);

    [Fact]
    public async Task Strategy_load_prints_the_merged_validated_yaml_and_nothing_on_stderr()
    {
        var r = await Run("strategy", "load", "momentum-btc", "--set", "timeframe=15m", "--set", "+parameters.extra=1");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains("timeframe: 15m", r.Stdout);
        Assert.Contains("identifier: momentum-btc-15m", r.Stdout);
        Assert.Contains("extra: 1", r.Stdout);
    }

    [Fact]
    public async Task Json_output_is_exactly_the_merged_document()
    {
        var r = await Run("strategy", "load", "momentum-btc", "--overrides", Path.Combine(AppContext.BaseDirectory, "examples", "overrides-live.yaml"), "-o", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("15m", doc.RootElement.GetProperty("timeframe").GetString());
        Assert.Equal(45, doc.RootElement.GetProperty("freqai").GetProperty("train_period_days").GetInt32());
        Assert.Equal(5, doc.RootElement.GetProperty("pairs").GetArrayLength());
    }

    [Fact]
    public async Task Table_output_lists_leaf_paths()
    {
        var r = await Run("strategy", "load", "mean-reversion-eth", "-o", "table");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("parameters.bollinger_window", r.Stdout);
    }

    [Fact]
    public async Task Validation_failure_exits_1_listing_every_problem_on_stderr()
    {
        var r = await Run("strategy", "load", "momentum-btc", "--set", "timeframe=1w", "--set", "version=one");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("timeframe", r.Stderr);
        Assert.Contains("version", r.Stderr);
        AssertNoStackTrace(r);
    }

    [Fact]
    public async Task Missing_mandatory_values_exit_1_until_supplied()
    {
        Assert.Equal(1, (await Run("strategy", "load", "template-strategy")).ExitCode);
        var ok = await Run("strategy", "load", "template-strategy", "--set", "name=mine", "--set", "pairs=[BTC/USDT]");
        Assert.Equal(0, ok.ExitCode);
    }

    [Fact]
    public async Task Unknown_config_exits_3()
    {
        var r = await Run("strategy", "load", "does-not-exist");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("not found", r.Stderr);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(2, (await Run("strategy", "load")).ExitCode);
        Assert.Equal(2, (await Run("config", "frobnicate")).ExitCode);
        Assert.Equal(2, (await Run("config", "list", "--output", "xml")).ExitCode);
    }

    [Fact]
    public async Task Put_show_list_exists_delete_round_trip()
    {
        var file = Path.Combine(_store, "..", Path.GetRandomFileName() + ".yaml");
        await File.WriteAllTextAsync(file, "name: new\nlist: [1, 2]\n", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0, (await Run("config", "put", "team/new-one", "--file", file)).ExitCode);
            Assert.Contains("team/new-one", (await Run("config", "list")).Stdout);
            Assert.Equal("name: new\nlist:\n- 1\n- 2\n", (await Run("config", "show", "team/new-one")).Stdout);
            var exists = await Run("config", "exists", "team/new-one");
            Assert.Equal((0, "true\n"), (exists.ExitCode, exists.Stdout));
            Assert.Equal(0, (await Run("config", "delete", "team/new-one")).ExitCode);
            var gone = await Run("config", "exists", "team/new-one");
            Assert.Equal((3, "false\n"), (gone.ExitCode, gone.Stdout));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Put_from_stdin_with_deep_merge()
    {
        var r = await CliProcess.RunAsync(["config", "put", "mean-reversion-eth", "--file", "-", "--merge", "deep", "--store", _store], stdin: "parameters:\n  bollinger_window: 30\n");
        Assert.Equal(0, r.ExitCode);
        var shown = await Run("config", "show", "mean-reversion-eth", "-o", "json");
        using var doc = JsonDocument.Parse(shown.Stdout);
        Assert.Equal(30, doc.RootElement.GetProperty("parameters").GetProperty("bollinger_window").GetInt32());
        Assert.Equal(2.0, doc.RootElement.GetProperty("parameters").GetProperty("bollinger_std").GetDouble());
    }

    [Theory]
    [InlineData("a: [1, 2\n", 1)]
    [InlineData("- not\n- a mapping\n", 1)]
    [InlineData("a: 1\na: 2\n", 1)]
    public async Task Bad_input_is_refused_and_the_store_is_unchanged(string yaml, int exitCode)
    {
        var before = StoreFiles();
        var r = await CliProcess.RunAsync(["config", "put", "momentum-btc", "--file", "-", "--store", _store], stdin: yaml);
        Assert.Equal(exitCode, r.ExitCode);
        AssertNoStackTrace(r);
        Assert.Equal(before, StoreFiles());
    }

    [Fact]
    public async Task Put_with_validate_refuses_an_invalid_strategy_and_writes_nothing()
    {
        var before = StoreFiles();
        var r = await CliProcess.RunAsync(["config", "put", "momentum-btc", "--file", "-", "--validate", "--store", _store], stdin: "name: x\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(before, StoreFiles());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/abs/path")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Bad_names_exit_1_naming_the_name_as_typed(string name)
    {
        var r = await Run("config", "show", name);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"'{name}'", r.Stderr);
        Assert.DoesNotContain("&lt;", r.Stderr);
        AssertNoStackTrace(r);
    }

    [Theory]
    [InlineData("a\u001b[2Jb", "'a\\u001B[2Jb'")]
    [InlineData("evil\u202Etxt.yaml", "'evil\\u202Etxt.yaml'")]
    [InlineData("bell\u0007", "'bell\\u0007'")]
    public async Task Bad_names_with_control_or_bidi_characters_are_named_escaped(string name, string shown)
    {
        var r = await Run("config", "show", name);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(shown, r.Stderr); // the name as the user can read it, each hidden character spelled out
        Assert.Equal(-1, UnsafeCharacters.IndexOfUnsafe(r.Stderr.Replace("\n", "", StringComparison.Ordinal)));
        Assert.Equal("", r.Stdout);
        AssertNoStackTrace(r);
    }

    [Fact]
    public async Task Config_merge_merges_plain_files_with_overrides()
    {
        var dir = Path.Combine(AppContext.BaseDirectory);
        var r = await CliProcess.RunAsync(["config", "merge", Path.Combine(dir, "configs", "momentum-btc.yaml"), Path.Combine(dir, "examples", "overrides-live.yaml"), "--set", "dry_run=true", "-o", "json"]);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.True(doc.RootElement.GetProperty("dry_run").GetBoolean());
        Assert.Equal("momentum-btc-15m", doc.RootElement.GetProperty("freqai").GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task Config_merge_in_struct_mode_rejects_unknown_keys()
    {
        var dir = AppContext.BaseDirectory;
        var file = Path.Combine(_store, "..", Path.GetRandomFileName() + ".yaml");
        await File.WriteAllTextAsync(file, "timeframe: 5m\nnot_in_base: 1\nparameters: {typo_key: 2}\n", TestContext.Current.CancellationToken);
        try
        {
            var r = await CliProcess.RunAsync(["config", "merge", Path.Combine(dir, "configs", "momentum-btc.yaml"), file, "--struct"]);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("not_in_base", r.Stderr);
            Assert.Contains("parameters.typo_key", r.Stderr);
            Assert.Equal("", r.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Config_merge_of_a_missing_file_exits_3()
    {
        var r = await CliProcess.RunAsync(["config", "merge", "/nonexistent/x.yaml"]);
        Assert.Equal(3, r.ExitCode);
    }

    [Fact]
    public async Task Store_folder_comes_from_the_environment_variable()
    {
        // In an empty working directory, so the ./configs fallback (the test output folder has one) cannot answer.
        var empty = Directory.CreateTempSubdirectory("tradai-cli-cwd-").FullName;
        try
        {
            var r = await CliProcess.RunAsync(["config", "list"], new Dictionary<string, string?> { ["TRADAI_CONFIG_DIR"] = _store }, workingDirectory: empty);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(StoreNames(), r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            var without = await CliProcess.RunAsync(["config", "list"], workingDirectory: empty);
            Assert.DoesNotContain("momentum-btc", without.Stdout);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private string[] StoreNames() => [.. Directory.GetFiles(_store, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task Config_validate_reports_valid_or_exits_1()
    {
        Assert.Equal(0, (await Run("config", "validate", "momentum-btc")).ExitCode);
        Assert.Equal(1, (await Run("config", "validate", "template-strategy")).ExitCode);
    }
}
