using System.Globalization;
using System.Text.Json;
using TradAI.Cli.Commands;
using TradAI.Cli.Tests.Support;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Fakes;
using TradAI.Config.Testing.Secrets;

namespace TradAI.Cli.Tests;

/// <summary>
/// <c>tradai secret ...</c>: the local backend (JSON folder and .env) in-process through the program's entry point; the
/// AWS backend as a process against moto's Secrets Manager, and against the loopback fake for an IAM denial (moto denies
/// nothing). The AWS variables go to that child process only, so tests in parallel see none of them. Masking, exit
/// codes, the SPEC §5.2 messages, no stack traces.
/// </summary>
public sealed class SecretCommandTests : IDisposable
{
    private const string Password = "cli-PW-do-not-print-4471";
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-cli-secrets-").FullName;

    public SecretCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "secrets", "tradai"));
        File.WriteAllText(Path.Combine(_dir, "secrets", "tradai", "db.json"), $$"""{"username":"svc","password":"{{Password}}","port":5432}""");
        File.WriteAllText(Path.Combine(_dir, ".env"), "TRADAI_SECRET_API='{\"token\":\"tok-1\"}'\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var r = await InProcessTradai.RunAsync(args);
        return (r.ExitCode, r.Stdout, r.Stderr);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs <c>tradai</c> as a process with <c>--backend aws</c> and these credentials in its environment only.</summary>
    private static Task<CliProcess.Result> OnAws(string endpoint, string region, string accessKey, string secretKey, params string[] args) =>
        CliProcess.RunAsync(
            [.. args, "--backend", "aws", "--endpoint-url", endpoint, "--region", region],
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = accessKey,
                ["AWS_SECRET_ACCESS_KEY"] = secretKey,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
            });

    private static Task<CliProcess.Result> OnMoto(params string[] args) => OnAws(EmulatorEndpoints.Moto, MotoSecretsManager.Region, "test", "test", args);

    private string[] Local(params string[] args) =>
        [.. args, "--backend", "local", "--secrets-dir", Path.Combine(_dir, "secrets"), "--env-file", Path.Combine(_dir, ".env")];

    [Fact]
    public async Task Get_masks_values_unless_reveal_is_given()
    {
        var masked = await Run(Local("secret", "get", "tradai/db"));
        Assert.Equal(0, masked.Exit);
        Assert.Contains($"username: \"{SecretCommands.Mask}\"", masked.Out);
        Assert.Contains($"password: \"{SecretCommands.Mask}\"", masked.Out);
        Assert.DoesNotContain(Password, masked.Out + masked.Err);
        Assert.Contains("--reveal", masked.Err);

        var revealed = await Run(Local("secret", "get", "tradai/db", "--reveal", "-o", "json"));
        Assert.Equal(0, revealed.Exit);
        using var doc = JsonDocument.Parse(revealed.Out);
        Assert.Equal(Password, doc.RootElement.GetProperty("password").GetString());
        Assert.Equal("5432", doc.RootElement.GetProperty("port").GetString());
    }

    [Fact]
    public async Task Get_with_key_prints_one_value_and_a_missing_key_is_exit_3_listing_keys_only()
    {
        var one = await Run(Local("secret", "get", "api", "--key", "token", "--reveal"));
        Assert.Equal((0, "tok-1"), (one.Exit, one.Out.Trim()));
        var masked = await Run(Local("secret", "get", "api", "--key", "token"));
        Assert.Equal(SecretCommands.Mask, masked.Out.Trim());

        var missing = await Run(Local("secret", "get", "tradai/db", "--key", "pwd"));
        Assert.Equal(ExitCodes.NotFound, missing.Exit);
        Assert.Contains("has no key 'pwd'", missing.Err);
        Assert.Contains("password", missing.Err);
        Assert.DoesNotContain(Password, missing.Err);
    }

    [Fact]
    public async Task A_missing_secret_keeps_the_spec_message_and_exits_3_without_stack_trace()
    {
        var r = await Run(Local("secret", "get", "nope"));
        Assert.Equal(ExitCodes.NotFound, r.Exit);
        Assert.StartsWith("error: Secret not found: nope", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public async Task An_unknown_backend_is_a_usage_error()
    {
        var r = await Run("secret", "get", "x", "--backend", "gcp");
        Assert.Equal(ExitCodes.Usage, r.Exit);
        Assert.Contains("--backend: 'gcp' is not valid; expected one of: local, aws", r.Err);
    }

    [Fact]
    public async Task Rotation_prints_the_spec_fields_for_a_local_secret()
    {
        var r = await Run(Local("secret", "rotation", "tradai/db", "-o", "json"));
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.False(doc.RootElement.GetProperty("rotation_enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("rotation_lambda_arn").ValueKind);
        Assert.True(DateTimeOffset.TryParse(doc.RootElement.GetProperty("last_rotated_date").GetString(), out _));
    }

    [Fact]
    public async Task Aws_backend_reads_a_rotated_value_and_the_rotation_status_from_secrets_manager()
    {
        using var moto = new MotoSecretsManager();
        var name = MotoSecretsManager.UniqueName("cli-db");
        await moto.CreateAsync(name, """{"user":"svc","password":"old-value"}""", Ct);
        await moto.PutAsync(name, $$"""{"user":"svc","password":"{{Password}}"}""", Ct);

        var one = await OnMoto("secret", "get", name, "--key", "password", "--reveal");
        var masked = await OnMoto("secret", "get", name, "-o", "json");
        var function = await moto.RotateAsync(name, days: 7, withFunction: true, Ct);
        var last = DateTimeOffset.FromUnixTimeSeconds((long)(await moto.DescribeAsync(name, Ct)).GetProperty("LastRotatedDate").GetDouble());
        var rotation = await OnMoto("secret", "rotation", name, "-o", "json");

        Assert.Equal((0, Password), (one.ExitCode, one.Stdout.Trim()));
        Assert.Equal(0, masked.ExitCode);
        using var keys = JsonDocument.Parse(masked.Stdout);
        Assert.Equal([("password", SecretCommands.Mask), ("user", SecretCommands.Mask)], keys.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        Assert.DoesNotContain(Password, masked.Stdout + masked.Stderr);
        Assert.Equal(0, rotation.ExitCode);
        using var status = JsonDocument.Parse(rotation.Stdout);
        Assert.True(status.RootElement.GetProperty("rotation_enabled").GetBoolean());
        Assert.Equal(function, status.RootElement.GetProperty("rotation_lambda_arn").GetString());
        Assert.Equal(7, status.RootElement.GetProperty("rotation_interval_days").GetInt32());
        Assert.Equal(last.ToString("yyyy-MM-dd'T'HH:mm:ss'.0000000+00:00'", CultureInfo.InvariantCulture), status.RootElement.GetProperty("last_rotated_date").GetString());
        Assert.NotEqual(JsonValueKind.Null, status.RootElement.GetProperty("next_rotation_date").ValueKind);
    }

    [Fact]
    public async Task Aws_backend_failures_keep_the_spec_messages_and_exit_codes_without_stack_traces()
    {
        using var moto = new MotoSecretsManager();
        var (missing, deleted, binary, garbled) = (MotoSecretsManager.UniqueName("none"), MotoSecretsManager.UniqueName("gone"), MotoSecretsManager.UniqueName("cert"), MotoSecretsManager.UniqueName("garbled"));
        await moto.CreateAsync(deleted, $$"""{"password":"{{Password}}"}""", Ct);
        await moto.DeleteAsync(deleted, Ct);
        await moto.CreateBinaryAsync(binary, [1, 2, 3], Ct);
        await moto.CreateAsync(garbled, $$"""{"password":"{{Password}}" """, Ct);
        await using var fake = new FakeSecretsManager();
        fake.Seed("prod/db", $$"""{"password":"{{Password}}"}""");
        fake.Denied["prod/db"] = true;

        var runs = await Task.WhenAll(
            OnMoto("secret", "get", missing),
            OnMoto("secret", "get", deleted),
            OnMoto("secret", "get", binary),
            OnMoto("secret", "get", garbled, "--reveal"),
            OnAws(fake.Endpoint, FakeSecretsManager.Region, FakeSecretsManager.AccessKey, FakeSecretsManager.SecretKey, "secret", "get", "prod/db", "--reveal"));

        (int Exit, string Start)[] expected =
        [
            (ExitCodes.NotFound, $"error: Secret not found: {missing}"),
            (ExitCodes.ExternalService, $"error: Invalid request: {deleted} ("),
            (ExitCodes.ExternalService, $"error: Secret {binary} is not valid JSON (it is a binary secret"),
            (ExitCodes.ExternalService, $"error: Secret {garbled} is not valid JSON ("),
            (ExitCodes.ExternalService, "error: Access denied: prod/db"),
        ];
        Assert.All(runs.Zip(expected), pair =>
        {
            Assert.Equal(pair.Second.Exit, pair.First.ExitCode);
            Assert.StartsWith(pair.Second.Start, pair.First.Stderr, StringComparison.Ordinal);
        });
        foreach (var r in runs)
        {
            Assert.Equal(string.Empty, r.Stdout);
            Assert.DoesNotContain("   at ", r.Stderr);
            Assert.DoesNotContain(Password, r.Stderr);
        }
    }
}
