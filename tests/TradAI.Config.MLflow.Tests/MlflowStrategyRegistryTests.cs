using System.Text;
using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.MLflow.Client;
using TradAI.Config.MLflow.Registry;
using TradAI.Config.Testing.Http;

namespace TradAI.Config.MLflow.Tests;

/// <summary>The registry against the loopback MLflow: stages, aliases, auth, and the error mapping.</summary>
public sealed class MlflowStrategyRegistryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MlflowStrategyRegistry Registry(Uri uri, string? user = null, string? password = null, string? token = null) =>
        new(new MlflowRegistryClient(new MlflowSettings { TrackingUri = uri, Username = user, Password = password, Token = token }));

    [Fact]
    public async Task Resolves_the_latest_version_in_a_stage_with_config_name_and_overrides_from_its_tags()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("momentum", "3", "Production", new Dictionary<string, string> { ["config_name"] = "momentum-btc", ["timeframe"] = "4h" });
        mlflow.AddVersion("momentum", "5", "Production", new Dictionary<string, string> { ["config_name"] = "momentum-btc", ["timeframe"] = "15m", ["max_open_trades"] = "2" });
        mlflow.AddVersion("momentum", "6", "Staging", new Dictionary<string, string> { ["timeframe"] = "1d" });
        using var registry = Registry(mlflow.BaseUri);

        var resolved = await registry.ResolveAsync("momentum", "production", Ct);

        resolved.ConfigName.Should().Be("momentum-btc");
        resolved.ModelVersion.Should().Be("5");
        resolved.Overrides["timeframe"].Should().Be("15m");
        resolved.Overrides["max_open_trades"].Should().Be(2L);
        mlflow.Paths.Should().Contain("POST /api/2.0/mlflow/registered-models/get-latest-versions");
    }

    [Fact]
    public async Task Without_a_config_name_tag_the_strategy_name_is_the_config_name()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("mean-reversion-eth", "1", "Staging", new Dictionary<string, string>());
        using var registry = Registry(mlflow.BaseUri);
        var resolved = await registry.ResolveAsync("mean-reversion-eth", "Staging", Ct);
        resolved.ConfigName.Should().Be("mean-reversion-eth");
        resolved.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task A_word_that_is_not_a_stage_is_resolved_as_an_alias()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("momentum", "7", "None", new Dictionary<string, string> { ["pairs"] = "BTC/USDT" }, "champion");
        using var registry = Registry(mlflow.BaseUri);

        var resolved = await registry.ResolveAsync("momentum", "champion", Ct);

        resolved.ModelVersion.Should().Be("7");
        ((ConfigSequence)resolved.Overrides["pairs"]!).Should().Equal("BTC/USDT");
        mlflow.Paths.Should().Contain("GET /api/2.0/mlflow/registered-models/alias?name=momentum&alias=champion");
    }

    [Fact]
    public async Task A_stage_with_no_version_is_not_found()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("momentum", "1", "Staging", new Dictionary<string, string>());
        using var registry = Registry(mlflow.BaseUri);
        var act = () => registry.ResolveAsync("momentum", "Production", Ct);
        (await act.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Be("MLflow model 'momentum' has no version in stage 'Production'");
    }

    [Fact]
    public async Task An_unknown_model_or_alias_is_not_found()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddModel("known");
        using var registry = Registry(mlflow.BaseUri);

        var model = () => registry.ResolveAsync("ghost", "Production", Ct);
        (await model.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Contain("ghost").And.Contain("not found");
        var alias = () => registry.ResolveAsync("known", "challenger", Ct);
        (await alias.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Contain("challenger");
    }

    [Fact]
    public async Task Bad_tag_values_are_validation_errors_naming_the_tag()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("m", "1", "Production", new Dictionary<string, string> { ["backtest_period_days"] = "a week" });
        mlflow.AddVersion("n", "1", "Production", new Dictionary<string, string> { ["config_name"] = "../../etc/passwd" });
        using var registry = Registry(mlflow.BaseUri);

        var badInt = () => registry.ResolveAsync("m", "Production", Ct);
        (await badInt.Should().ThrowAsync<ConfigValidationException>()).Which.Problems.Single().Path.Should().Be("tags.backtest_period_days");
        var badName = () => registry.ResolveAsync("n", "Production", Ct);
        (await badName.Should().ThrowAsync<ConfigValidationException>()).Which.Problems.Single().Path.Should().Be("tags.config_name");
    }

    [Fact]
    public async Task Basic_auth_is_sent_and_wrong_credentials_are_an_external_service_error_with_a_hint()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret"));
        await using var mlflow = new FakeMlflowServer(expected);
        mlflow.AddVersion("m", "1", "Production", new Dictionary<string, string>());

        using var good = Registry(mlflow.BaseUri, "alice", "s3cret");
        (await good.ResolveAsync("m", "Production", Ct)).ModelVersion.Should().Be("1");

        using var bad = Registry(mlflow.BaseUri, "alice", "wrong");
        var act = () => bad.ResolveAsync("m", "Production", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("HTTP401");
        error.Message.Should().Contain("MLFLOW_TRACKING_TOKEN").And.NotContain("wrong");
    }

    [Fact]
    public async Task Bearer_token_auth_is_sent_and_wins_over_basic()
    {
        await using var mlflow = new FakeMlflowServer("Bearer tok-123");
        mlflow.AddVersion("m", "2", "Production", new Dictionary<string, string>());
        using var registry = Registry(mlflow.BaseUri, "alice", "pw", token: "tok-123");
        (await registry.ResolveAsync("m", "Production", Ct)).ModelVersion.Should().Be("2");
    }

    [Fact]
    public async Task A_server_error_and_an_unreachable_server_are_external_service_errors()
    {
        await using var mlflow = new FakeMlflowServer { Failing = true };
        using var failing = Registry(mlflow.BaseUri);
        var act = () => failing.ResolveAsync("m", "Production", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("INTERNAL_ERROR");
        error.Service.Should().Be("mlflow");

        using var down = Registry(new Uri($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/"));
        var unreachable = () => down.ResolveAsync("m", "Production", Ct);
        (await unreachable.Should().ThrowAsync<ExternalServiceException>()).Which.ErrorCode.Should().Be("NetworkError");
    }

    [Fact]
    public async Task The_client_reads_one_version_with_its_tags_and_aliases()
    {
        await using var mlflow = new FakeMlflowServer();
        mlflow.AddVersion("m", "4", "Archived", new Dictionary<string, string> { ["a"] = "1" }, "old", "legacy");
        using var client = new MlflowRegistryClient(new MlflowSettings { TrackingUri = mlflow.BaseUri });
        var version = await client.GetModelVersionAsync("m", "4", Ct);
        version.Should().BeEquivalentTo(new MlflowModelVersion("m", "4", "Archived", "READY", "run4", "models:/m-4", new Dictionary<string, string> { ["a"] = "1" }, ["old", "legacy"]));
        var missing = () => client.GetModelVersionAsync("m", "9", Ct);
        await missing.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public void Settings_come_from_the_mlflow_environment_variables_and_hide_credentials()
    {
        var env = new Dictionary<string, string>
        {
            ["MLFLOW_TRACKING_URI"] = "https://mlflow.internal:5000",
            ["MLFLOW_TRACKING_USERNAME"] = "svc",
            ["MLFLOW_TRACKING_PASSWORD"] = "hunter2",
            ["MLFLOW_INSECURE_TLS"] = "true",
        };
        var settings = MlflowSettings.FromEnvironment(k => env.GetValueOrDefault(k))!;
        settings.TrackingUri.Should().Be(new Uri("https://mlflow.internal:5000"));
        settings.Username.Should().Be("svc");
        settings.InsecureSkipTlsVerify.Should().BeTrue();
        settings.ToString().Should().NotContain("hunter2").And.Contain("basic");
        MlflowSettings.FromEnvironment(_ => null).Should().BeNull();
        var bad = () => MlflowSettings.FromEnvironment(k => k == "MLFLOW_TRACKING_URI" ? "ftp://x" : null);
        bad.Should().Throw<ConfigValidationException>();
    }
}
