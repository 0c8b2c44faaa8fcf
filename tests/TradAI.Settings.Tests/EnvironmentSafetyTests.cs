using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

/// <summary>SPEC §8: local executor, WebSocket secret key and CORS defaults per environment.</summary>
public sealed class EnvironmentSafetyTests
{
    private static ConfigValidationException Fails(params (string, string)[] vars)
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(vars));
        return act.Should().Throw<ConfigValidationException>().Which;
    }

    [Fact]
    public void Local_executor_is_allowed_in_dev()
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_EXECUTOR_MODE", "local")));

        settings.ExecutorMode.Should().Be(ExecutorMode.Local);
        settings.Environment.Should().Be(DeploymentEnvironment.Dev);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Local_executor_is_refused_outside_dev_even_by_default(string env)
    {
        var vars = TestEnv.ValidNonDevBackend(env).Where(v => v.Item1 != "BACKEND_EXECUTOR_MODE").ToArray();

        var explicitLocal = Fails([.. vars, ("BACKEND_EXECUTOR_MODE", "LOCAL")]);
        var defaulted = Fails(vars);

        explicitLocal.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Path == "executor_mode" && p.Message.Contains($"only in dev, not in {env}") && p.Message.Contains("env BACKEND_EXECUTOR_MODE"));
        defaulted.Problems.Should().ContainSingle().Which.Message.Should().Contain("set BACKEND_EXECUTOR_MODE");
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Non_local_executors_are_accepted_outside_dev(string env)
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(TestEnv.ValidNonDevBackend(env)));

        settings.ExecutorMode.Should().Be(ExecutorMode.Ecs);
        settings.EcsCluster.Should().Be("tradai-" + env);
    }

    [Fact]
    public void Each_executor_needs_its_target()
    {
        Fails(("BACKEND_EXECUTOR_MODE", "ecs")).Problems.Should().ContainSingle().Which.Path.Should().Be("ecs_cluster");
        Fails(("BACKEND_EXECUTOR_MODE", "stepfunctions")).Problems.Should().ContainSingle().Which.Path.Should().Be("stepfunctions_state_machine_arn");
    }

    [Fact]
    public void The_websocket_key_is_generated_in_dev_when_absent_and_differs_per_process_load()
    {
        var a = SettingsLoader.Resolve<BackendSettings>(TestEnv.Options());
        var b = SettingsLoader.Load<BackendSettings>(TestEnv.Options());

        a.Value.WebSocketSecretKey.Reveal().Should().HaveLength(43).And.MatchRegex("^[A-Za-z0-9_-]+$");
        a.Value.WebSocketSecretKey.Should().NotBe(b.WebSocketSecretKey);
        a.Entries.Single(e => e.Name == "websocket_secret_key").Source.ToString().Should().Be("generated at start-up (dev only)");
    }

    [Fact]
    public void An_explicit_websocket_key_is_used_in_dev()
    {
        SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_WEBSOCKET_SECRET_KEY", "dev-key"))).WebSocketSecretKey.Reveal().Should().Be("dev-key");
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_websocket_key_must_be_explicit_outside_dev(string env)
    {
        var vars = TestEnv.ValidNonDevBackend(env).Where(v => v.Item1 != "BACKEND_WEBSOCKET_SECRET_KEY").ToArray();

        var error = Fails(vars);

        error.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Path == "websocket_secret_key" && p.Message.Contains($"must be set explicitly in {env}") && p.Message.Contains("set BACKEND_WEBSOCKET_SECRET_KEY"));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void A_short_websocket_key_is_refused_outside_dev(string env)
    {
        var vars = TestEnv.ValidNonDevBackend(env).Where(v => v.Item1 != "BACKEND_WEBSOCKET_SECRET_KEY").ToArray();

        var error = Fails([.. vars, ("BACKEND_WEBSOCKET_SECRET_KEY", "short-secret")]);

        error.Problems.Single().Message.Should().Contain("at least 32 characters").And.NotContain("short-secret");
    }

    [Theory]
    [InlineData("dev", new[] { "*" })]
    [InlineData("staging", new string[0])]
    [InlineData("prod", new string[0])]
    public void Cors_origins_default_by_environment(string env, string[] expected)
    {
        var vars = env == "dev" ? [] : TestEnv.ValidNonDevBackend(env);

        var resolution = SettingsLoader.Resolve<BackendSettings>(TestEnv.Options(vars));

        resolution.Value.CorsOrigins.Should().Equal(expected);
        resolution.Entries.Single(e => e.Name == "cors_origins").Source.Kind.Should().Be(SettingSourceKind.Default);
    }

    [Fact]
    public void Explicit_cors_origins_override_the_environment_default()
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options([.. TestEnv.ValidNonDevBackend("prod"), ("BACKEND_CORS_ORIGINS", "https://app.tradai.io")]));

        settings.CorsOrigins.Should().Equal("https://app.tradai.io");
    }

    [Theory]
    [InlineData("dev", "tradai-configs-dev", "tradai-config-versions-dev")]
    [InlineData("staging", "tradai-configs-staging", "tradai-config-versions-staging")]
    [InlineData("prod", "tradai-configs-prod", "tradai-config-versions-prod")]
    public void Resource_names_default_by_environment(string env, string bucket, string table)
    {
        var vars = env == "dev" ? [] : TestEnv.ValidNonDevBackend(env);

        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(vars));

        settings.S3ConfigBucket.Should().Be(bucket);
        settings.DynamoDbTableName.Should().Be(table);
    }
}
