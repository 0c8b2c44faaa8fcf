using System.Text.Json;

namespace TradAI.Cli.Tests.Contract;

/// <summary><c>-o json</c> is honoured by every command and is exactly one JSON document on stdout.</summary>
public sealed class JsonOutputContractTests : IDisposable
{
    private readonly CliStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<JsonElement> JsonAsync(string[] args, string? stdin = null, int exitCode = 0)
    {
        var r = await _store.RunAsync([.. args, "-o", "json"], stdin);
        Assert.True(r.ExitCode == exitCode, $"{string.Join(' ', args)}: exit {r.ExitCode}: {r.Stderr}");

        // JsonDocument.Parse refuses anything after the first document, so this is "exactly one document".
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Config_commands()
    {
        var file = Path.Combine(_store.Folder, "momentum-btc.yaml");
        Assert.Contains("momentum-btc", (await JsonAsync(["config", "list"])).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("momentum-btc", (await JsonAsync(["config", "show", "momentum-btc", "--resolve"])).GetProperty("name").GetString());
        Assert.True((await JsonAsync(["config", "put", "copy", "--file", file])).GetProperty("stored").GetBoolean());
        Assert.True((await JsonAsync(["config", "exists", "copy"])).GetBoolean());
        Assert.False((await JsonAsync(["config", "exists", "nothing"], exitCode: ExitCodes.NotFound)).GetBoolean());
        var valid = await JsonAsync(["config", "validate", "copy", "--set", "timeframe=4h"]);
        Assert.Equal((true, "momentum-btc", "1.4.0"), (valid.GetProperty("valid").GetBoolean(), valid.GetProperty("name").GetString(), valid.GetProperty("version").GetString()));
        Assert.Equal("4h", (await JsonAsync(["config", "merge", file, "--set", "timeframe=4h"])).GetProperty("timeframe").GetString());
        Assert.True((await JsonAsync(["config", "delete", "copy"])).GetProperty("deleted").GetBoolean());
        Assert.Equal("15m", (await JsonAsync(["strategy", "load", "momentum-btc", "--set", "timeframe=15m"])).GetProperty("timeframe").GetString());
    }

    [Fact]
    public async Task Version_commands()
    {
        var first = await JsonAsync(["version", "create", "s", "--file", "-"], await _store.StrategyYamlAsync("one"));
        var a = first.GetProperty("version").GetProperty("config_id").GetString()!;
        var b = (await JsonAsync(["version", "create", "s", "--config", "momentum-btc"])).GetProperty("version").GetProperty("config_id").GetString()!;

        Assert.Equal(2, (await JsonAsync(["version", "list", "s"])).GetProperty("versions").GetArrayLength());
        Assert.Equal(a, (await JsonAsync(["version", "show", "s", a])).GetProperty("config_id").GetString());
        Assert.Equal("active", (await JsonAsync(["version", "activate", "s", a])).GetProperty("version").GetProperty("status").GetString());
        Assert.Equal(a, (await JsonAsync(["version", "active", "s"])).GetProperty("config_id").GetString());
        Assert.NotEqual(0, (await JsonAsync(["version", "diff", "s", a, b])).GetProperty("changes").GetArrayLength());
        Assert.Equal(a, (await JsonAsync(["version", "rollback", "s", "--to", a])).GetProperty("version").GetProperty("config_id").GetString());
        Assert.Equal("deprecated", (await JsonAsync(["version", "deprecate", "s", b])).GetProperty("version").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Secret_settings_and_infra_commands()
    {
        Assert.Equal("********", (await JsonAsync(["secret", "get", "db"])).GetProperty("password").GetString());
        Assert.Equal("svc", (await JsonAsync(["secret", "get", "db", "--key", "username", "--reveal"])).GetString());
        Assert.False((await JsonAsync(["secret", "rotation", "db"])).GetProperty("rotation_enabled").GetBoolean());

        var empty = Path.Combine(_store.Folder, "empty.env");
        await File.WriteAllTextAsync(empty, "", TestContext.Current.CancellationToken);
        Assert.Equal("backend", (await JsonAsync(["settings", "show", "backend", "--no-s3-config", "--env-file", empty])).GetProperty("service").GetString());
        Assert.True((await JsonAsync(["settings", "validate", "backend", "--no-s3-config", "--env-file", empty])).GetProperty("valid").GetBoolean());

        Assert.Equal("prod", (await JsonAsync(["infra", "show", "--env", "prod"])).GetProperty("environment").GetProperty("name").GetString());
        Assert.NotEqual(0, (await JsonAsync(["infra", "diff", "dev", "prod"])).GetProperty("differences").GetArrayLength());
        Assert.NotEqual(0, (await JsonAsync(["infra", "env", "--env", "dev", "--service", "backend"])).GetArrayLength());
    }

    [Fact]
    public void Every_leaf_command_is_covered_here()
    {
        // A new command must add its -o json case above (infra synth's is in DeployedWorldCommandTests, it needs the CDK app).
        string[] covered =
        [
            "config list", "config show", "config put", "config delete", "config exists", "config validate", "config merge", "strategy load",
            "version create", "version list", "version show", "version active", "version activate", "version deprecate", "version diff", "version rollback",
            "secret get", "secret rotation", "settings show", "settings validate", "infra show", "infra diff", "infra env", "infra synth",
        ];
        var leaves = TradaiCli.CreateRoot().Subcommands.SelectMany(g => g.Subcommands.Select(c => $"{g.Name} {c.Name}"));
        Assert.Empty(leaves.Except(covered));
    }
}
