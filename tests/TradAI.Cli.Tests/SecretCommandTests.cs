using System.Text.Json;
using TradAI.Cli.Commands;
using TradAI.Cli.Tests.Support;
using TradAI.Config.Testing.Fakes;

namespace TradAI.Cli.Tests;

/// <summary>
/// <c>tradai secret ...</c> run in-process through the program's entry point: local backend over a
/// JSON folder and .env, AWS backend over the loopback Secrets Manager fake; masking, exit codes, no stack traces.
/// </summary>
[CollectionDefinition(nameof(SecretCommandTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <remarks>Alone in its collection: the AWS test sets AWS credentials in the process environment, which child processes of parallel tests would inherit.</remarks>
[Collection(nameof(SecretCommandTests))]
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
    public async Task Aws_backend_reads_secrets_and_rotation_from_secrets_manager()
    {
        await using var fake = new FakeSecretsManager();
        fake.Seed("prod/db", $$"""{"password":"{{Password}}"}""");
        fake.SetRotation("prod/db", true, "arn:aws:lambda:eu-west-1:1:function:rot", 7, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), null);
        var saved = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", FakeSecretsManager.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", FakeSecretsManager.SecretKey);
        try
        {
            string[] aws = ["--backend", "aws", "--endpoint-url", fake.Endpoint, "--region", FakeSecretsManager.Region];
            var get = await Run(["secret", "get", "prod/db", "--key", "password", "--reveal", .. aws]);
            Assert.Equal((0, Password), (get.Exit, get.Out.Trim()));

            var rotation = await Run(["secret", "rotation", "prod/db", .. aws]);
            Assert.Equal(0, rotation.Exit);
            Assert.Contains("rotation_enabled: true", rotation.Out);
            Assert.Contains("rotation_interval_days: 7", rotation.Out);
            Assert.Contains("2026-11-20T00:00:00.0000000+00:00", rotation.Out);

            fake.Denied["prod/db"] = true;
            var denied = await Run(["secret", "get", "prod/db", .. aws]);
            Assert.Equal(ExitCodes.ExternalService, denied.Exit);
            Assert.Contains("error: Access denied: prod/db", denied.Err);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Item2);
        }
    }
}
