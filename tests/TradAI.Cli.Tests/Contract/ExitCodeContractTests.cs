namespace TradAI.Cli.Tests.Contract;

/// <summary>
/// The README's exit-code table, row by row, through the program's entry point: each code with a clear message on
/// stderr, never a stack trace and never an "unexpected …Exception".
/// </summary>
public sealed class ExitCodeContractTests : IDisposable
{
    private readonly CliStore _store = new();

    public void Dispose() => _store.Dispose();

    private static void AssertClean(CliProcess.Result r)
    {
        Assert.DoesNotContain("   at ", r.Stderr + r.Stdout);
        Assert.DoesNotContain("unexpected", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
    }

    [Fact]
    public async Task Row_0_ok()
    {
        var r = await _store.RunAsync("config", "validate", "momentum-btc");
        Assert.Equal((ExitCodes.Ok, "valid: momentum-btc 1.4.0\n", ""), (r.ExitCode, r.Stdout, r.Stderr));
    }

    [Fact]
    public async Task Row_1_validation_failed()
    {
        var r = await _store.RunAsync("strategy", "load", "momentum-btc", "--set", "timeframe=1w");
        Assert.Equal(ExitCodes.ValidationFailed, r.ExitCode);
        Assert.Contains("timeframe", r.Stderr);
        Assert.Equal("", r.Stdout);
        AssertClean(r);
    }

    [Theory]
    [InlineData("--set: ", "strategy", "load", "momentum-btc", "--set", "badsyntax")]
    [InlineData("--env: 'qa'", "infra", "show", "--env", "qa")]
    [InlineData("dev, staging, prod", "infra", "diff", "dev", "qa")]
    [InlineData("--status: 'bogus'", "version", "list", "momentum-btc", "--status", "bogus")]
    [InlineData("--limit must be between 1 and 1000", "version", "list", "momentum-btc", "--limit", "0")]
    [InlineData("--endpoint-url: 'notaurl'", "config", "list", "--backend", "aws", "--endpoint-url", "notaurl")]
    [InlineData("--region: 'bad region!'", "config", "list", "--backend", "aws", "--region", "bad region!")]
    [InlineData("--backend: 'gcp'", "config", "list", "--backend", "gcp")]
    [InlineData("'xml' is not an output format; use one of: json, table, yaml", "config", "list", "-o", "xml")]
    [InlineData("Did you mean 'config'", "conifg", "list")]
    [InlineData("'frontend' not recognized", "settings", "show", "frontend")]
    [InlineData("give exactly one of --config NAME or --file FILE", "version", "create", "momentum-btc")]
    [InlineData("needs a command", "version")]
    public async Task Row_2_usage_mistakes(string message, params string[] args)
    {
        var r = await _store.RunAsync(args);
        Assert.True(r.ExitCode == ExitCodes.Usage, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Contains(message, r.Stderr);
        Assert.Equal("", r.Stdout);
        AssertClean(r);
        Assert.DoesNotContain("TradAI.Cli", r.Stderr);
    }

    [Fact]
    public async Task Row_2_bare_tradai_lists_the_commands()
    {
        var r = await Support.InProcessTradai.RunAsync();
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        foreach (var group in new[] { "config", "strategy", "version", "secret", "settings", "infra" })
        {
            Assert.Contains($"  {group} ", r.Stderr);
        }

        Assert.DoesNotContain("Required command was not provided", r.Stderr);
    }

    [Fact]
    public async Task Row_3_not_found_for_configs_versions_and_secrets()
    {
        var config = await _store.RunAsync("config", "show", "does-not-exist");
        var version = await _store.RunAsync("version", "active", "momentum-btc");
        var secret = await _store.RunAsync("secret", "get", "nope");

        Assert.Equal([ExitCodes.NotFound, ExitCodes.NotFound, ExitCodes.NotFound], new[] { config.ExitCode, version.ExitCode, secret.ExitCode });
        Assert.Equal("error: Config 'does-not-exist' not found\n", config.Stderr);
        Assert.StartsWith("error: Secret not found: nope", secret.Stderr);
        AssertClean(config);
        AssertClean(version);
        AssertClean(secret);
    }

    [Fact]
    public async Task Row_4_conflict_for_an_illegal_transition()
    {
        var id = await _store.CreateVersionAsync("momentum-btc", await _store.StrategyYamlAsync("x"));
        Assert.Equal(0, (await _store.RunAsync("version", "deprecate", "momentum-btc", id)).ExitCode);

        var r = await _store.RunAsync("version", "activate", "momentum-btc", id);
        Assert.Equal(ExitCodes.Conflict, r.ExitCode);
        Assert.Contains(id, r.Stderr);
        AssertClean(r);
    }

    [Fact]
    public async Task Row_5_external_failure_for_an_output_folder_that_cannot_exist()
    {
        var r = await _store.RunAsync("infra", "synth", "--env", "dev", "--app", "true", "--out", "/etc/passwd/x");
        Assert.Equal(ExitCodes.ExternalService, r.ExitCode);
        Assert.Equal("error: cannot create the output folder '/etc/passwd/x' (--out): a part of the path is a file or cannot be created\n", r.Stderr);
        AssertClean(r);
    }

    [Fact]
    public async Task The_rows_hold_for_the_real_process_too()
    {
        var bare = await CliProcess.RunAsync([]);
        var usage = await CliProcess.RunAsync(["version", "list", "s", "--limit", "0", "--store", _store.Folder]);
        var secret = await CliProcess.RunAsync(["secret", "get", "nope", .. _store.StoreOptions(["secret"])]);
        var synth = await CliProcess.RunAsync(["infra", "synth", "--env", "dev", "--app", "true", "--out", "/etc/passwd/x"]);

        Assert.Equal((2, 2, 3, 5), (bare.ExitCode, usage.ExitCode, secret.ExitCode, synth.ExitCode));
        Assert.Contains("Commands:", bare.Stderr);
        Assert.StartsWith("error: Secret not found: nope", secret.Stderr);
        foreach (var r in new[] { bare, usage, secret, synth })
        {
            AssertClean(r);
        }
    }
}
