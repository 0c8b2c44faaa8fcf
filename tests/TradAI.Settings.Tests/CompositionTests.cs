using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Caching;
using TradAI.Settings.Loading;
using TradAI.Settings.Mixins;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

/// <summary>Mixins, the second service, config trees (from_hydra_cfg) and the cached singleton.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void Both_services_share_the_mlflow_group_through_one_interface()
    {
        var options = TestEnv.Options(("MLFLOW_TRACKING_URI", "https://mlflow.example.com"), ("MLFLOW_SECRET_NAME", "tradai/mlflow"), ("STRATEGY_STRATEGY_NAME", "momentum"));

        IUsesMlflow[] services = [SettingsLoader.Load<BackendSettings>(options), SettingsLoader.Load<StrategyServiceSettings>(options)];

        services.Should().AllSatisfy(s =>
        {
            s.Mlflow.TrackingUri.Should().Be("https://mlflow.example.com");
            s.Mlflow.SecretName.Should().Be("tradai/mlflow");
            s.Mlflow.VerifySsl.Should().BeTrue();
        });
        BackendSettings.Schema.Fields.Should().Contain(MlflowSettings.Group.Fields);
        StrategyServiceSettings.Schema.Fields.Should().Contain(MlflowSettings.Group.Fields);
    }

    [Fact]
    public void Mlflow_username_and_password_go_together()
    {
        var ok = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("MLFLOW_TRACKING_URI", "http://m:5000"), ("MLFLOW_TRACKING_USERNAME", "u"), ("MLFLOW_TRACKING_PASSWORD", "p")));
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("MLFLOW_TRACKING_URI", "http://m:5000"), ("MLFLOW_TRACKING_USERNAME", "u")));

        ok.Mlflow.Password!.Reveal().Should().Be("p");
        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Should().Match<ValidationProblem>(p =>
            p.Path == "mlflow_password" && p.Message.Contains("set BACKEND_MLFLOW_PASSWORD or MLFLOW_TRACKING_PASSWORD"));
    }

    [Theory]
    [InlineData("tradai/mlflow-creds", true)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:tradai/mlflow-AbCdEf", true)]
    [InlineData("bad name with spaces", false)]
    [InlineData("arn:aws:s3:::bucket", false)]
    public void Mlflow_secret_name_is_a_secrets_manager_name_or_arn(string value, bool ok)
    {
        var resolution = SettingsLoader.Resolve<BackendSettings>(TestEnv.Options(("MLFLOW_TRACKING_URI", "http://m:5000"), ("MLFLOW_SECRET_NAME", value)));

        resolution.IsValid.Should().Be(ok);
    }

    [Fact]
    public void Cognito_auth_needs_pool_and_client_and_takes_the_region_from_the_pool()
    {
        var off = SettingsLoader.Load<BackendSettings>(TestEnv.Options());
        var on = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("AUTH_ENABLED", "true"), ("COGNITO_USER_POOL_ID", "eu-west-1_AbC123"), ("COGNITO_CLIENT_ID", "client123")));
        var incomplete = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_AUTH_ENABLED", "1")));
        var badPool = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("COGNITO_USER_POOL_ID", "nopool")));

        off.Cognito.AuthEnabled.Should().BeFalse();
        on.Cognito.Region.Should().Be("eu-west-1");
        on.Cognito.ClientId.Should().Be("client123");
        incomplete.Should().Throw<ConfigValidationException>().Which.Problems.Select(p => p.Path).Should().Equal("cognito_user_pool_id", "cognito_client_id");
        badPool.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be("cognito_user_pool_id");
    }

    [Fact]
    public void The_strategy_service_serves_every_strategy_unless_one_is_pinned()
    {
        // The deployed strategy-service is one ECS service for all strategies: its container gets no strategy name.
        var all = SettingsLoader.Load<StrategyServiceSettings>(TestEnv.Options());
        var pinned = SettingsLoader.Load<StrategyServiceSettings>(TestEnv.Options(("STRATEGY_STRATEGY_NAME", "momentum")));

        all.StrategyName.Should().BeNull();
        all.ConfigBucket.Should().Be("tradai-configs-dev");
        all.DynamoDbTableName.Should().Be("tradai-config-versions-dev");
        pinned.StrategyName.Should().Be("momentum");
    }

    [Fact]
    public void The_strategy_service_validates_its_own_fields()
    {
        var act = () => SettingsLoader.Load<StrategyServiceSettings>(TestEnv.Options(
            ("STRATEGY_STRATEGY_NAME", "../escape"), ("STRATEGY_MODEL_STAGE", "Live"), ("STRATEGY_BACKTEST_TIMEOUT_SECONDS", "0"), ("STRATEGY_CONFIG_BUCKET", "UPPER")));

        act.Should().Throw<ConfigValidationException>().Which.Problems.Select(p => p.Path)
            .Should().Equal("strategy_name", "config_bucket", "model_stage", "backtest_timeout_seconds");
    }

    [Fact]
    public void Settings_can_be_built_from_a_merged_config_tree_with_environment_filling_the_rest()
    {
        var tree = ConfigMapping.Of(
            ("service_name", "backend-blue"),
            ("port", 9300L),
            ("debug", true),
            ("cognito", ConfigMapping.Of(("user_pool_id", "us-east-1_Pool1"), ("client_id", "abc"))),
            ("unknown_key", "ignored"));

        var resolution = SettingsLoader.Resolve<BackendSettings>(TestEnv.Options(("BACKEND_PORT", "1111"), ("BACKEND_HOST", "10.1.1.1")) with { ConfigTree = tree });

        var settings = resolution.Value;
        settings.ServiceName.Should().Be("backend-blue");
        settings.Port.Should().Be(9300);
        settings.Debug.Should().BeTrue();
        settings.Host.Should().Be("10.1.1.1");
        settings.Cognito.UserPoolId.Should().Be("us-east-1_Pool1");
        resolution.Entries.Single(e => e.Name == "port").Source.Kind.Should().Be(SettingSourceKind.ConfigTree);
    }

    [Fact]
    public void Config_tree_and_code_keys_are_case_insensitive()
    {
        var tree = ConfigMapping.Of(("PORT", 9400L), ("Backend", ConfigMapping.Of(("Log_Level", "error"))));
        var options = TestEnv.Options() with { ConfigTree = tree, Values = new Dictionary<string, object?> { ["HOST"] = "127.0.0.2" } };

        var settings = SettingsLoader.Load<BackendSettings>(options);

        settings.Port.Should().Be(9400);
        settings.LogLevel.Should().Be("ERROR");
        settings.Host.Should().Be("127.0.0.2");
    }

    [Fact]
    public void The_catalog_finds_services_by_their_deployed_name_case_insensitively()
    {
        Catalog.SettingsCatalog.Find("Backend").Should().BeSameAs(BackendSettings.Schema);
        Catalog.SettingsCatalog.Find("strategy-service").Should().BeSameAs(StrategyServiceSettings.Schema);
        Catalog.SettingsCatalog.Find("strategy").Should().BeNull("one service naming: the stacks' name, strategy-service");
        Catalog.SettingsCatalog.Find("frontend").Should().BeNull();
    }

    [Fact]
    public void The_catalog_names_each_service_as_its_schema_and_its_deployment_profile_do()
    {
        Catalog.SettingsCatalog.Services.Should().Equal(Catalog.SettingsCatalog.All.Select(s => s.Service));
        Catalog.SettingsCatalog.Services.Should().Equal(Deployment.Profiles.ServiceProfiles.All.Select(p => p.Name));
    }

    [Fact]
    public void Code_values_must_have_the_right_type()
    {
        var options = TestEnv.Options() with { Values = new Dictionary<string, object?> { ["port"] = "not a number", ["debug"] = true, ["cors_origins"] = new[] { "https://x.example.com" } } };

        var resolution = SettingsLoader.Resolve<BackendSettings>(options);

        resolution.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p => p.Path == "port" && p.Message.Contains("code (port)"));
        resolution.Entries.Single(e => e.Name == "cors_origins").DisplayValue.Should().Be("[\"https://x.example.com\"]");
    }

    [Fact]
    public async Task The_cached_instance_is_loaded_once_and_shared_across_threads()
    {
        var loads = 0;
        var cache = new CachedSettings<BackendSettings>(() =>
        {
            Interlocked.Increment(ref loads);
            Thread.Sleep(20);
            return SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_PORT", "8123")));
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.Value, TestContext.Current.CancellationToken)));

        loads.Should().Be(1);
        results.Should().AllSatisfy(r => r.Should().BeSameAs(results[0]));
        results[0].Port.Should().Be(8123);
    }

    [Fact]
    public void A_failed_load_is_not_cached()
    {
        var port = "0";
        var cache = new CachedSettings<BackendSettings>(() => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_PORT", port))));

        var first = () => cache.Value;
        first.Should().Throw<ConfigValidationException>();
        port = "8124";

        cache.Value.Port.Should().Be(8124);
    }

    [Fact]
    public void The_process_wide_cache_returns_one_instance_per_type_and_refuses_late_configuration()
    {
        SettingsCache.Configure<StrategyServiceSettings>(TestEnv.Options(("STRATEGY_STRATEGY_NAME", "cached")));

        var a = SettingsCache.Get<StrategyServiceSettings>();
        var b = SettingsCache.Get<StrategyServiceSettings>();
        var late = () => SettingsCache.Configure<StrategyServiceSettings>(TestEnv.Options());

        a.Should().BeSameAs(b);
        a.StrategyName.Should().Be("cached");
        late.Should().Throw<InvalidOperationException>();
    }
}
