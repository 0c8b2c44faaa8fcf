using AwesomeAssertions;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

/// <summary>code &gt; config tree &gt; environment &gt; env files &gt; S3_CONFIG &gt; default, pairwise.</summary>
public sealed class PriorityTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SettingsLoadOptions AllSources(bool code, bool tree, bool env, bool file, bool s3)
    {
        _dir.Write("config.yaml", "port: 8005\n");
        _dir.Write("services/backend/.env", file ? "BACKEND_PORT=8004\n" : "# nothing\n");
        var vars = new Dictionary<string, string> { ["S3_CONFIG"] = s3 ? "config.yaml" : "" };
        if (env)
        {
            vars["BACKEND_PORT"] = "8003";
        }

        var options = new SettingsLoadOptions { Environment = vars, BaseDirectory = _dir.Path };
        if (tree)
        {
            options = options with { ConfigTree = ConfigMapping.Of(("port", 8002L)) };
        }

        return code ? options.With(ServiceSettings.Fields.Port, 8001) : options;
    }

    [Theory]
    [InlineData(true, true, true, true, true, 8001, SettingSourceKind.Code)]
    [InlineData(false, true, true, true, true, 8002, SettingSourceKind.ConfigTree)]
    [InlineData(false, false, true, true, true, 8003, SettingSourceKind.EnvironmentVariable)]
    [InlineData(false, false, false, true, true, 8004, SettingSourceKind.EnvFile)]
    [InlineData(false, false, false, false, true, 8005, SettingSourceKind.S3Config)]
    [InlineData(false, false, false, false, false, 8000, SettingSourceKind.Default)]
    public void Each_source_beats_every_source_below_it(bool code, bool tree, bool env, bool file, bool s3, int expected, SettingSourceKind kind)
    {
        var resolution = SettingsLoader.Resolve<BackendSettings>(AllSources(code, tree, env, file, s3));

        resolution.Value.Port.Should().Be(expected);
        resolution.Entries.Single(e => e.Name == "port").Source.Kind.Should().Be(kind);
    }

    [Fact]
    public void Sources_are_recorded_with_the_variable_file_or_key_that_set_each_value()
    {
        var file = _dir.Write(".env", "BACKEND_HOST=10.0.0.1\n");
        _dir.Write("config.yaml", "backend:\n  debug: true\n");
        var resolution = SettingsLoader.Resolve<BackendSettings>(new SettingsLoadOptions
        {
            Environment = TestEnv.Vars(("BACKEND_PORT", "9000"), ("S3_CONFIG", "config.yaml")),
            BaseDirectory = _dir.Path,
        }.With(ServiceSettings.Fields.LogLevel, "debug"));

        var bySource = resolution.Entries.ToDictionary(e => e.Name, e => e.Source.ToString());
        bySource["port"].Should().Be("env BACKEND_PORT");
        bySource["host"].Should().Be($"env file {file} (BACKEND_HOST)");
        bySource["debug"].Should().Be($"S3_CONFIG config.yaml (backend_debug)");
        bySource["log_level"].Should().Be("code (log_level)");
        bySource["service_name"].Should().Be("default");
        resolution.Value.LogLevel.Should().Be("DEBUG");
        resolution.Value.Debug.Should().BeTrue();
        resolution.S3ConfigSource!.ToString().Should().Be("env S3_CONFIG");
    }

    [Fact]
    public void Variable_names_are_case_insensitive()
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("backend_port", "9100"), ("Backend_Debug", "TRUE")));

        settings.Port.Should().Be(9100);
        settings.Debug.Should().BeTrue();
    }

    [Fact]
    public void Unknown_variables_are_ignored()
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_NOT_A_SETTING", "x"), ("PATH", "/bin"), ("BACKEND_", "?")));

        settings.Port.Should().Be(8000);
    }

    [Fact]
    public void Empty_values_count_as_unset()
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_PORT", ""), ("BACKEND_HOST", "  ")));

        settings.Port.Should().Be(8000);
        settings.Host.Should().Be("0.0.0.0");
    }

    [Fact]
    public void Each_service_reads_only_its_own_prefix()
    {
        var options = TestEnv.Options(("BACKEND_PORT", "9001"), ("STRATEGY_PORT", "9002"), ("STRATEGY_STRATEGY_NAME", "momentum"));

        SettingsLoader.Load<BackendSettings>(options).Port.Should().Be(9001);
        var strategy = SettingsLoader.Load<StrategyServiceSettings>(options);
        strategy.Port.Should().Be(9002);
        strategy.ServiceName.Should().Be("strategy-service");
        strategy.StrategyName.Should().Be("momentum");
    }

    [Fact]
    public void Settings_are_frozen_records_with_value_equality()
    {
        var options = TestEnv.Options(("BACKEND_WEBSOCKET_SECRET_KEY", "fixed-key"));
        var a = SettingsLoader.Load<BackendSettings>(options);
        var b = SettingsLoader.Load<BackendSettings>(options);

        a.Should().Be(b);
        Type[] types = [typeof(BackendSettings), typeof(StrategyServiceSettings), typeof(Mixins.MlflowSettings), typeof(Mixins.CognitoSettings)];
        types.SelectMany(t => t.GetProperties()).Should().NotBeEmpty()
            .And.OnlyContain(p => p.SetMethod == null || !p.SetMethod.IsPublic, "settings are frozen: no setter or init accessor, not even for 'with'");
        typeof(BackendSettings).GetConstructors().Should().BeEmpty("instances come only from the loader, validated");
    }
}
