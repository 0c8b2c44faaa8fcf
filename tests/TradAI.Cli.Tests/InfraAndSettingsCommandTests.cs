using System.Text.Json;

namespace TradAI.Cli.Tests;

/// <summary>The infrastructure config and the service settings meet: names flow from `infra env` into a service's env file.</summary>
public sealed class InfraAndSettingsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-infra-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Infra_show_prints_the_resolved_config_as_json()
    {
        var r = await CliProcess.RunAsync(["infra", "show", "--env", "prod", "-o", "json"]);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("prod", doc.RootElement.GetProperty("environment").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Infra_diff_lists_settings_that_differ()
    {
        var r = await CliProcess.RunAsync(["infra", "diff", "dev", "prod"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("vpc_cidr", r.Stdout);
    }

    [Theory]
    [InlineData(new[] { "infra", "show", "--env", "qa" }, 2)]
    [InlineData(new[] { "infra", "show", "--env", "prod", "--context", "consolidated_mode=maybe" }, 1)]
    [InlineData(new[] { "infra", "show", "--env", "prod", "--context", "custom_ami_id=ami-123", "--context", "consolidated_mode=false" }, 1)]
    [InlineData(new[] { "infra", "show" }, 2)]
    public async Task Bad_environments_and_overrides_fail_before_synthesis(string[] args, int exitCode)
    {
        var r = await CliProcess.RunAsync(args);
        Assert.Equal(exitCode, r.ExitCode);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public async Task An_env_file_generated_from_the_infra_config_validates_as_backend_settings_in_dev()
    {
        var env = await CliProcess.RunAsync(["infra", "env", "--env", "dev", "--service", "backend", "--account", "123456789012"]);
        Assert.Equal(0, env.ExitCode);
        var file = Path.Combine(_dir, "backend.env");
        await File.WriteAllTextAsync(file, env.Stdout, TestContext.Current.CancellationToken);
        var validate = await CliProcess.RunAsync(["settings", "validate", "backend", "--env-file", file], workingDirectory: _dir);
        Assert.Equal(0, validate.ExitCode);
        var show = await CliProcess.RunAsync(["settings", "show", "backend", "--env-file", file], workingDirectory: _dir);
        Assert.Contains("tradai-config-versions-dev", show.Stdout);
        Assert.Contains(file, show.Stdout.Replace("\n", "", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_prod_the_same_env_file_needs_an_explicit_websocket_key()
    {
        var env = await CliProcess.RunAsync(["infra", "env", "--env", "prod", "--service", "backend", "--account", "123456789012"]);
        var file = Path.Combine(_dir, "prod.env");
        await File.WriteAllTextAsync(file, env.Stdout, TestContext.Current.CancellationToken);
        var validate = await CliProcess.RunAsync(["settings", "validate", "backend", "--env-file", file], workingDirectory: _dir);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("BACKEND_WEBSOCKET_SECRET_KEY", validate.Stderr);

        var withKey = await CliProcess.RunAsync(
            ["settings", "validate", "backend", "--env-file", file], new Dictionary<string, string?> { ["BACKEND_WEBSOCKET_SECRET_KEY"] = "a-long-explicit-production-key-0123456789" }, workingDirectory: _dir);
        Assert.Equal(0, withKey.ExitCode);
    }

    [Fact]
    public async Task Settings_show_masks_secrets()
    {
        var env = new Dictionary<string, string?> { ["BACKEND_WEBSOCKET_SECRET_KEY"] = "super-secret-value-123456789" };
        var r = await CliProcess.RunAsync(["settings", "show", "backend"], env, workingDirectory: _dir);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("super-secret", r.Stdout + r.Stderr);
        Assert.DoesNotContain("123456789", r.Stdout + r.Stderr);

        // The field is listed, set, masked and attributed to the variable that set it: hidden, not dropped.
        var row = Assert.Single(r.Stdout.Split('\n'), l => l.Contains("websocket_secret_key", StringComparison.Ordinal));
        Assert.Contains("**********", row);
        Assert.Contains("env BACKEND_WEBSOCKET_SECRET_KEY", row);

        var json = await CliProcess.RunAsync(["settings", "show", "backend", "-o", "json"], env, workingDirectory: _dir);
        Assert.Equal(0, json.ExitCode);
        Assert.DoesNotContain("super-secret", json.Stdout);
        using var doc = JsonDocument.Parse(json.Stdout);
        var setting = doc.RootElement.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "websocket_secret_key");
        Assert.Equal("**********", setting.GetProperty("value").GetString());
        Assert.True(setting.GetProperty("secret").GetBoolean());
        Assert.Equal("env BACKEND_WEBSOCKET_SECRET_KEY", setting.GetProperty("source").GetString());
    }
}
