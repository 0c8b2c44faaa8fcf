using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Settings.Loading;
using TradAI.Settings.Secrets;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

public sealed class ErrorAndRedactionTests
{
    [Fact]
    public void One_error_lists_every_failing_field_with_its_variable_and_reason()
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(
            ("BACKEND_PORT", "70000"),
            ("BACKEND_LOG_LEVEL", "verbose"),
            ("BACKEND_DATA_COLLECTION_URL", "not-a-url"),
            ("BACKEND_S3_CONFIG_BUCKET", "Bad_Bucket"),
            ("BACKEND_STEPFUNCTIONS_STATE_MACHINE_ARN", "arn:aws:lambda:us-east-1:123456789012:function:f"),
            ("BACKEND_SQS_QUEUE_URL", "https://example.com/queue"),
            ("AWS_REGION", "mars-1"),
            ("BACKEND_DEBUG", "perhaps")));

        var error = act.Should().Throw<ConfigValidationException>().Which;

        error.Kind.Should().Be(ErrorKind.Validation);
        error.Problems.Select(p => p.Path).Should().BeEquivalentTo(
            ["port", "log_level", "data_collection_url", "s3_config_bucket", "stepfunctions_state_machine_arn", "sqs_queue_url", "aws_region", "debug"]);
        error.Message.Should().StartWith("BackendSettings is invalid (8 problems)")
            .And.Contain("port: must be between 1 and 65535 (got '70000'; from env BACKEND_PORT)")
            .And.Contain("aws_region: must be an AWS region name such as us-east-1 (got 'mars-1'; from env AWS_REGION)")
            .And.Contain("debug: must be a boolean");
    }

    [Fact]
    public void A_problem_in_an_env_file_names_the_file_and_variable()
    {
        using var dir = new TempDir();
        var file = dir.Write(".env", "BACKEND_PORT=abc\n");

        var act = () => SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), EnvFiles = [file] });

        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Message
            .Should().Be($"must be a whole number (got 'abc'; from env file {file} (BACKEND_PORT))");
    }

    [Fact]
    public void A_nul_in_an_env_file_value_is_refused_naming_the_file_and_line_not_the_value()
    {
        using var dir = new TempDir();
        var file = dir.Write(".env", "BACKEND_HOST=ok\nBACKEND_PORT=80\u0000\n");

        var act = () => SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), EnvFiles = [file] });

        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("line 2").And.Contain("NUL character").And.NotContain("80");
    }

    [Fact]
    public void Control_characters_in_a_bad_value_are_shown_as_escapes_not_dropped()
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_PORT", "80\u001b[2K")));

        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Message
            .Should().Be("must be a whole number (got '80\\u001B[2K'; from env BACKEND_PORT)");
    }

    [Fact]
    public void A_nul_in_a_number_from_any_source_is_not_ignored()
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_PORT", "80\u0000")));
        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Message.Should().StartWith("must be a whole number (got '80\\u0000'");
    }

    [Fact]
    public void An_env_file_that_is_not_utf8_is_refused_with_its_byte_offset()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "latin1.env");
        File.WriteAllBytes(file, [.. "BACKEND_HOST=caf"u8, 0xE9, .. "\n"u8]);

        var act = () => SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), EnvFiles = [file] });

        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("invalid UTF-8 at byte 16 (line 1)");
    }

    [Fact]
    public void User_input_in_messages_is_sanitized()
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_DATA_COLLECTION_URL", "<b>\u001b]0;pwned\u0007")));

        act.Should().Throw<ConfigValidationException>().Which.Message.Should().NotContain("\u001b").And.Contain("<b>\\u001B]0;pwned\\u0007");
    }

    [Fact]
    public void Secrets_never_appear_in_messages()
    {
        const string Password = "hunter2-super-secret";
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(
            [.. TestEnv.ValidNonDevBackend("prod").Where(v => v.Item1 != "BACKEND_WEBSOCKET_SECRET_KEY"),
            ("BACKEND_WEBSOCKET_SECRET_KEY", Password),
            ("MLFLOW_TRACKING_PASSWORD", Password),
            ("MLFLOW_TRACKING_TOKEN", Password)]));

        var error = act.Should().Throw<ConfigValidationException>().Which;

        error.Problems.Select(p => p.Path).Should().BeEquivalentTo(["websocket_secret_key", "mlflow_username", "mlflow_token", "mlflow_tracking_uri"]);
        error.ToString().Should().NotContain(Password);
    }

    [Fact]
    public void Secrets_are_masked_in_to_string_and_in_resolved_entries()
    {
        const string Key = "ws-key-that-must-stay-hidden-000000000";
        var resolution = SettingsLoader.Resolve<BackendSettings>(TestEnv.Options(
            ("BACKEND_WEBSOCKET_SECRET_KEY", Key),
            ("MLFLOW_TRACKING_URI", "https://mlflow.example.com"),
            ("MLFLOW_TRACKING_USERNAME", "svc"),
            ("MLFLOW_TRACKING_PASSWORD", "p4ssw0rd-hidden")));

        var text = resolution.Value.ToString();

        text.Should().NotContain(Key).And.NotContain("p4ssw0rd-hidden").And.Contain(SecretString.Mask).And.Contain("svc");
        resolution.Value.WebSocketSecretKey.Reveal().Should().Be(Key);
        resolution.Entries.Where(e => e.Field.IsSecret && e.DisplayValue.Length > 0).Select(e => e.DisplayValue).Should().OnlyContain(v => v == SecretString.Mask);
        resolution.Entries.Single(e => e.Name == "mlflow_password").DisplayValue.Should().Be(SecretString.Mask);
        $"{resolution.Value.Mlflow.Password}".Should().Be(SecretString.Mask);
    }

    [Fact]
    public void A_resolution_with_problems_still_shows_every_field()
    {
        var resolution = SettingsLoader.Resolve<BackendSettings>(TestEnv.Options(("BACKEND_PORT", "0")));

        resolution.IsValid.Should().BeFalse();
        resolution.Settings.Should().BeNull();
        resolution.Entries.Should().HaveCount(BackendSettings.Schema.Fields.Count);
        resolution.Entries.Single(e => e.Name == "port").Should().Match<ResolvedSetting>(e => !e.IsValid && e.DisplayValue == "0");
    }
}
