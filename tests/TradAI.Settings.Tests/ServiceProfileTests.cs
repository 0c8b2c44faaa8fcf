using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Profiles;
using TradAI.Settings.Catalog;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

/// <summary>
/// Every service's settings type is the other half of its profile: same name, same prefix, same port, and it reads
/// every variable and secret the stacks give that service.
/// </summary>
public sealed class ServiceProfileTests
{
    public static TheoryData<string> Services => [.. ServiceProfiles.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Services))]
    public void Each_service_has_a_settings_type_under_its_name_prefix_and_port(string service)
    {
        var profile = ServiceProfiles.Get(service);
        var schema = SettingsCatalog.Find(service)!;

        schema.Should().NotBeNull();
        schema.Service.Should().Be(profile.Name);
        schema.EnvPrefix.Should().Be(profile.EnvPrefix);
        schema.EnvFiles.Should().StartWith($"services/{profile.Name}/.env");

        var defaults = SettingsLoader.Resolve(schema, TestEnv.Options());
        defaults.Entries.Single(e => e.Name == "port").DisplayValue.Should().Be(profile.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        defaults.Entries.Single(e => e.Name == "service_name").DisplayValue.Should().Be(profile.Name);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Each_settings_type_reads_every_variable_and_secret_its_container_is_given(string service)
    {
        var profile = ServiceProfiles.Get(service);
        var schema = SettingsCatalog.Find(service)!;

        foreach (var variable in profile.Environment.Select(e => e.Variable).Concat(profile.Secrets.Select(s => s.Variable)))
        {
            schema.Reads(profile.Variable(variable)).Should().BeTrue($"{schema.TypeName} must read {profile.Variable(variable)}");
        }

        schema.Reads(profile.EnvPrefix + "NOT_A_SETTING").Should().BeFalse();
    }

    [Fact]
    public void Secrets_land_in_secret_fields()
    {
        foreach (var profile in ServiceProfiles.All)
        {
            var schema = SettingsCatalog.Find(profile.Name)!;
            foreach (var secret in profile.Secrets.Where(s => s.Variable is "WEBSOCKET_SECRET_KEY" or "DB_PASSWORD"))
            {
                schema.Fields.Single(f => f.EnvironmentNames(schema.EnvPrefix)[0] == profile.Variable(secret.Variable)).IsSecret.Should().BeTrue(secret.Variable);
            }
        }
    }

    [Theory]
    [InlineData("production")]
    [InlineData("development")]
    public void The_settings_accept_only_the_spellings_the_stacks_name_environments_by(string spelling)
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("ENVIRONMENT", spelling)));

        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be("environment");
    }

    [Theory]
    [InlineData("dev", "tradai-state", "tradai-trading-state-dev")]
    [InlineData("prod", null, "tradai-trading-state-prod")]
    public void Trading_settings_default_to_the_deployed_tables_of_their_environment(string env, string? explicitTable, string expected)
    {
        var vars = new List<(string, string)> { ("LIVE_TRADING_ENVIRONMENT", env), ("LIVE_TRADING_WEBSOCKET_SECRET_KEY", new string('k', 40)) };
        if (explicitTable is not null)
        {
            vars.Add(("LIVE_TRADING_STATE_TABLE_NAME", explicitTable));
            expected = explicitTable;
        }

        var settings = SettingsLoader.Load<LiveTradingSettings>(TestEnv.Options([.. vars]));

        settings.StateTableName.Should().Be(expected);
        settings.DynamoDbTableName.Should().Be($"tradai-config-versions-{env}");
        settings.Port.Should().Be(8080);
    }

    [Fact]
    public void Trading_outside_dev_refuses_to_start_without_its_websocket_key_like_the_backend()
    {
        var act = () => SettingsLoader.Load<DryRunTradingSettings>(TestEnv.Options(("DRY_RUN_TRADING_ENVIRONMENT", "prod")));

        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Message.Should().Contain("DRY_RUN_TRADING_WEBSOCKET_SECRET_KEY");
        SettingsLoader.Load<DryRunTradingSettings>(TestEnv.Options()).WebSocketSecretKey.Length.Should().Be(43, "dev generates one");
    }

    [Fact]
    public void The_mlflow_server_needs_its_credentials_once_it_has_a_database_host()
    {
        var act = () => SettingsLoader.Load<MlflowServerSettings>(TestEnv.Options(("MLFLOW_DB_HOST", "db.internal")));
        var bad = () => SettingsLoader.Load<MlflowServerSettings>(TestEnv.Options(("MLFLOW_ARTIFACT_ROOT", "/tmp/artifacts")));

        act.Should().Throw<ConfigValidationException>().Which.Problems.Select(p => p.Path).Should().Equal("db_username", "db_password");
        bad.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be("artifact_root");
        var ok = SettingsLoader.Load<MlflowServerSettings>(TestEnv.Options(
            ("MLFLOW_DB_HOST", "db.internal"), ("MLFLOW_DB_USERNAME", "admin"), ("MLFLOW_DB_PASSWORD", "pw-secret"), ("MLFLOW_ARTIFACT_ROOT", "s3://tradai-mlflow-artifacts-dev/")));
        ok.DbPassword!.Reveal().Should().Be("pw-secret");
        ok.ToString().Should().NotContain("pw-secret");
    }

    [Fact]
    public void The_data_collector_writes_to_the_environments_data_bucket()
    {
        SettingsLoader.Load<DataCollectionSettings>(TestEnv.Options(("ENVIRONMENT", "staging"))).DataBucket.Should().Be("tradai-data-staging");
        DeploymentEnvironments.All.Should().HaveCount(3);
    }
}
