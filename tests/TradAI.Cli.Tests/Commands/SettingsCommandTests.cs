using System.Text.Json;
using AwesomeAssertions;
using TradAI.Cli.Tests.Support;

namespace TradAI.Cli.Tests.Commands;

/// <summary>
/// <c>tradai settings show|validate</c> run in-process with an injected environment (never the real one)
/// and captured stdout/stderr.
/// </summary>
public sealed class SettingsCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tradai-settings-cli-" + Guid.NewGuid().ToString("N"));

    public SettingsCommandTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var r = await InProcessTradai.RunAsync(args, environment);
        return (r.ExitCode, r.Stdout, r.Stderr);
    }

    private string EnvFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Show_prints_each_value_with_its_source_and_masks_secrets()
    {
        var file = EnvFile("a.env", "BACKEND_PORT=9000\nBACKEND_WEBSOCKET_SECRET_KEY=very-secret-websocket-key\n");

        var (code, stdout, stderr) = await RunAsync(new() { ["AWS_REGION"] = "eu-west-1" }, "settings", "show", "backend", "--env-file", file, "--no-s3-config");

        code.Should().Be(ExitCodes.Ok, stderr);
        stdout.Should().Contain("BackendSettings")
            .And.MatchRegex(@"port\s+│\s+9000\s+│\s+env file .*a\.env \(BACKEND_PORT\)")
            .And.MatchRegex(@"aws_region\s+│\s+eu-west-1\s+│\s+env AWS_REGION")
            .And.MatchRegex(@"service_name\s+│\s+backend\s+│\s+default")
            .And.Contain("**********")
            .And.NotContain("very-secret-websocket-key");
    }

    [Fact]
    public async Task Show_as_json_is_machine_readable()
    {
        var (code, stdout, _) = await RunAsync(new() { ["STRATEGY_STRATEGY_NAME"] = "momentum", ["MLFLOW_TRACKING_TOKEN"] = "tok-hidden", ["MLFLOW_TRACKING_URI"] = "http://mlflow:5000" }, "settings", "show", "strategy-service", "-o", "json", "--no-s3-config", "--env-file", EnvFile("empty.env", ""));

        code.Should().Be(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(stdout);
        var settings = doc.RootElement.GetProperty("settings").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        settings["strategy_name"].GetProperty("value").GetString().Should().Be("momentum");
        settings["strategy_name"].GetProperty("source").GetString().Should().Be("env STRATEGY_STRATEGY_NAME");
        settings["mlflow_token"].GetProperty("value").GetString().Should().Be("**********");
        settings["mlflow_username"].GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("valid").GetBoolean().Should().BeTrue();
        stdout.Should().NotContain("tok-hidden");
    }

    [Fact]
    public async Task Show_of_invalid_settings_prints_the_table_and_exits_1_with_every_problem()
    {
        var (code, stdout, stderr) = await RunAsync(new() { ["BACKEND_ENVIRONMENT"] = "prod", ["BACKEND_PORT"] = "0" }, "settings", "show", "backend", "--no-s3-config", "--env-file", EnvFile("empty.env", ""));

        code.Should().Be(ExitCodes.ValidationFailed);
        stdout.Should().Contain("port (invalid)");
        stderr.Should().Contain("BackendSettings is invalid (3 problems)").And.Contain("env BACKEND_PORT").And.Contain("set BACKEND_WEBSOCKET_SECRET_KEY");
    }

    [Fact]
    public async Task Validate_exits_1_with_the_error_list_or_0_when_valid()
    {
        var empty = EnvFile("empty.env", "");
        var bad = await RunAsync(new() { ["BACKEND_ENVIRONMENT"] = "staging", ["BACKEND_EXECUTOR_MODE"] = "local" }, "settings", "validate", "backend", "--env-file", empty);
        var good = await RunAsync(new() { ["BACKEND_PORT"] = "8100" }, "settings", "validate", "backend", "--env-file", empty);

        bad.Code.Should().Be(ExitCodes.ValidationFailed);
        bad.Stderr.Should().Contain("executor_mode: the LOCAL executor is allowed only in dev, not in staging").And.Contain("websocket_secret_key");
        bad.Stdout.Should().BeEmpty();
        good.Code.Should().Be(ExitCodes.Ok);
        good.Stdout.Should().Contain("BackendSettings is valid");
    }

    [Fact]
    public async Task Env_files_are_read_in_the_order_given()
    {
        var a = EnvFile("a.env", "BACKEND_PORT=8201\n");
        var b = EnvFile("b.env", "BACKEND_PORT=8202\n");

        var (_, stdout, _) = await RunAsync([], "settings", "show", "backend", "--env-file", b, "--env-file", a, "-o", "json", "--no-s3-config");

        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("settings").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "port")
            .GetProperty("value").GetString().Should().Be("8202");
    }

    [Fact]
    public async Task A_missing_env_file_is_not_found_and_an_unknown_service_is_a_usage_error()
    {
        var missing = await RunAsync([], "settings", "show", "backend", "--env-file", Path.Combine(_dir, "nope.env"));
        var unknown = await RunAsync([], "settings", "show", "frontend");

        missing.Code.Should().Be(ExitCodes.NotFound);
        missing.Stderr.Should().Contain("nope.env");
        unknown.Code.Should().Be(ExitCodes.Usage);
    }
}
