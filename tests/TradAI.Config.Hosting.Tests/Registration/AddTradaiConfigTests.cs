using AwesomeAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Registry;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.Hosting.Tests.Support;
using TradAI.Config.Local.Secrets;
using TradAI.Config.Local.Storage;
using TradAI.Config.Local.Versioning;
using TradAI.Config.MLflow.Registry;
using TradAI.Settings.Services;

namespace TradAI.Config.Hosting.Tests.Registration;

/// <summary>What <c>AddTradaiConfig</c> registers and how it is configured and validated.</summary>
public sealed class AddTradaiConfigTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HostApplicationBuilder Builder(string root, params (string Key, string Value)[] configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root });
        builder.Configuration.AddInMemoryCollection(configuration.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        return builder;
    }

    [Fact]
    public void The_TradAI_section_is_bound_and_code_configuration_wins()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path,
            ("TradAI:Backend", "aws"),
            ("TradAI:Store", "elsewhere"),
            ("TradAI:Bucket", "tradai-configs-staging"),
            ("TradAI:Prefix", "strategies/"),
            ("TradAI:VersionsTable", "tradai-config-versions-staging"),
            ("TradAI:Aws:Region", "eu-west-1"),
            ("TradAI:Aws:Profile", "ops"),
            ("TradAI:Aws:EndpointUrl", "http://127.0.0.1:4566"),
            ("TradAI:RefreshInterval", "00:00:05"),
            ("TradAI:SecretsCacheTtl", "00:02:00"));
        builder.Services.AddTradaiConfig(o => o.Store = "from-code").UseLocal().UseAws();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<TradaiConfigOptions>>().Value;

        options.Backend.Should().Be("aws");
        options.Store.Should().Be("from-code");
        options.Bucket.Should().Be("tradai-configs-staging");
        options.Prefix.Should().Be("strategies/");
        options.VersionsTable.Should().Be("tradai-config-versions-staging");
        options.Aws.Region.Should().Be("eu-west-1");
        options.Aws.Profile.Should().Be("ops");
        options.Aws.EndpointUrl.Should().Be("http://127.0.0.1:4566");
        options.RefreshInterval.Should().Be(TimeSpan.FromSeconds(5));
        options.SecretsCacheTtl.Should().Be(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task The_local_backend_registers_every_port_as_one_lazily_built_singleton()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "store"));
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "store", "momentum-btc.yaml"), "name: momentum-btc\nversion: 1.0.0\ntimeframe: 5m\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\n", Ct);
        var builder = Builder(dir.Path, ("TradAI:Store", "store"));
        builder.Services.AddTradaiConfig().UseLocal();
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var stores = host.Services.GetRequiredService<TradaiStores>();
        stores.Backend.Name.Should().Be("local");

        host.Services.GetRequiredService<IConfigRepository>().Should().BeOfType<LocalConfigRepository>()
            .Which.RootDirectory.Should().Be(Path.Combine(dir.Path, "store"), "relative paths resolve against the content root");
        host.Services.GetRequiredService<IConfigVersionRepository>().Should().BeOfType<SqliteConfigVersionRepository>()
            .Which.DatabasePath.Should().Be(Path.Combine(dir.Path, "store", ".tradai", "versions.db"));
        host.Services.GetRequiredService<ISecretStore>().Should().BeSameAs(host.Services.GetRequiredService<CachingSecretStore>());
        host.Services.GetRequiredService<CachingSecretStore>().TimeToLive.Should().Be(CachingSecretStore.DefaultTimeToLive);
        host.Services.GetRequiredService<ConfigMergeService>().Should().BeSameAs(host.Services.GetRequiredService<StrategyConfigLoader>().MergeService);
        host.Services.GetRequiredService<ConfigVersionService>().Should().BeSameAs(host.Services.GetRequiredService<ConfigVersionService>());

        var loaded = await host.Services.GetRequiredService<StrategyConfigLoader>().LoadWithOverridesAsync("momentum-btc", ["timeframe=15m"], Ct);
        loaded.Timeframe.Should().Be("15m");
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task Stores_are_built_on_first_use_only()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path);
        builder.Services.AddTradaiConfig().UseLocal();
        using var host = builder.Build();
        var stores = host.Services.GetRequiredService<TradaiStores>();

        var loader = host.Services.GetRequiredService<StrategyConfigLoader>();
        loader.BindWithOverrides(StrategyContent.Valid("momentum-btc", 1));
        stores.Created.Should().Be((false, false, false), "binding content in hand needs no store");

        await FluentActions.Awaiting(() => loader.LoadAsync("absent", Ct)).Should().ThrowAsync<NotFoundException>();
        stores.Created.Should().Be((true, false, false));
        _ = host.Services.GetRequiredService<ISecretStore>();
        stores.Created.Should().Be((true, false, true));
    }

    [Fact]
    public void Outside_a_host_without_any_configuration_the_defaults_apply()
    {
        var services = new ServiceCollection();
        services.AddTradaiConfig(o => o.RefreshInterval = TimeSpan.FromSeconds(3)).UseLocal();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TradaiConfigOptions>>().Value;

        options.Backend.Should().Be("local");
        options.Store.Should().Be("configs");
        options.RefreshInterval.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Ports_registered_before_AddTradaiConfig_are_kept()
    {
        using var dir = new TempDirectory();
        var mine = new LocalConfigRepository(dir.Path);
        var builder = Builder(dir.Path);
        builder.Services.AddSingleton<IConfigRepository>(mine);
        builder.Services.AddTradaiConfig().UseLocal();
        using var host = builder.Build();

        host.Services.GetRequiredService<IConfigRepository>().Should().BeSameAs(mine);
    }

    [Fact]
    public async Task An_unregistered_backend_fails_the_host_at_start_saying_which_Use_call_is_missing()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path, ("TradAI:Backend", "aws"), ("TradAI:RefreshInterval", "-00:00:01"));
        builder.Services.AddTradaiConfig().UseLocal();
        using var host = builder.Build();

        var failure = await FluentActions.Awaiting(() => host.StartAsync(Ct)).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Failures.Should().Contain(f => f.Contains("TradAI:Backend is 'aws'") && f.Contains("UseAws()") && f.Contains("registered: local"));
        failure.Which.Failures.Should().Contain(f => f.Contains("TradAI:RefreshInterval must be positive"));
    }

    [Fact]
    public async Task Invalid_aws_settings_fail_the_host_at_start_naming_each_key()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path, ("TradAI:Backend", "aws"), ("TradAI:Bucket", "Not_A_Bucket"), ("TradAI:VersionsTable", "x"), ("TradAI:Aws:EndpointUrl", "ftp://nope"));
        builder.Services.AddTradaiConfig().UseAws();
        using var host = builder.Build();

        var failure = await FluentActions.Awaiting(() => host.StartAsync(Ct)).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Failures.Should().HaveCount(3);
        failure.Which.Failures.Should().Contain(f => f.StartsWith("TradAI:Bucket", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("TradAI:VersionsTable", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("TradAI:Aws:EndpointUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_strategy_options_fail_the_host_at_start_naming_the_strategy()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path);
        builder.Services.AddTradaiConfig().UseLocal().AddActiveStrategyConfig("momentum-btc", o => o.Jitter = 2);
        using var host = builder.Build();

        var failure = await FluentActions.Awaiting(() => host.StartAsync(Ct)).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("momentum-btc").And.Contain("Jitter");
    }

    [Fact]
    public void Strategy_names_are_checked_at_registration_and_registered_once()
    {
        var services = new ServiceCollection();
        var tradai = services.AddTradaiConfig().UseLocal();

        FluentActions.Invoking(() => tradai.AddActiveStrategyConfig("bad name!")).Should().Throw<ConfigValidationException>().WithMessage("*strategy name*");
        tradai.AddActiveStrategyConfig("momentum-btc");
        FluentActions.Invoking(() => tradai.AddActiveStrategyConfig("momentum-btc")).Should().Throw<InvalidOperationException>().WithMessage("*registered already*");
        services.AddTradaiConfig().Services.Count(d => d.ServiceType == typeof(TradaiStores)).Should().Be(1, "AddTradaiConfig is idempotent");
    }

    [Fact]
    public async Task A_configuration_source_nothing_refreshes_fails_the_host_at_start()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path);
        builder.Configuration.AddTradaiStrategy("forgotten");
        builder.Services.AddTradaiConfig().UseLocal();
        using var host = builder.Build();

        var failure = await FluentActions.Awaiting(() => host.StartAsync(Ct)).Should().ThrowAsync<InvalidOperationException>();

        failure.Which.Message.Should().Contain("'forgotten'").And.Contain("AddActiveStrategyConfig");
    }

    [Fact]
    public void The_hosting_assembly_references_no_store()
    {
        var references = typeof(TradaiConfigBuilder).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().NotContain(n => n.StartsWith("AWSSDK", StringComparison.Ordinal) || n.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
        references.Should().NotContain(["TradAI.Config.Aws", "TradAI.Config.Local", "TradAI.Config.MLflow", "TradAI.Settings"]);
        references.Should().Contain("TradAI.Config.Core");
    }

    [Fact]
    public void UseMlflow_registers_the_registry_from_the_host_configuration_and_says_what_is_missing_without_it()
    {
        using var dir = new TempDirectory();
        var configured = Builder(dir.Path, ("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000"));
        configured.Services.AddTradaiConfig().UseLocal().UseMlflow();
        using (var host = configured.Build())
        {
            host.Services.GetRequiredService<IStrategyRegistry>().Should().BeOfType<MlflowStrategyRegistry>();
        }

        var missing = Builder(dir.Path);
        missing.Services.AddTradaiConfig().UseLocal().UseMlflow();
        using var without = missing.Build();
        FluentActions.Invoking(() => without.Services.GetRequiredService<IStrategyRegistry>())
            .Should().Throw<ExternalServiceException>().WithMessage("*MLFLOW_TRACKING_URI*");
    }

    [Fact]
    public async Task Service_settings_register_beside_the_config_in_the_same_chain()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path, ("STRATEGY_STRATEGY_NAME", "momentum-btc"), ("STRATEGY_MODEL_STAGE", "Staging"));
        builder.Services.AddTradaiConfig().UseLocal().AddSettings<StrategyServiceSettings>(o => o.LoadOptions = new() { EnvFiles = [] });
        using var host = builder.Build();

        await host.StartAsync(Ct);

        var settings = host.Services.GetRequiredService<StrategyServiceSettings>();
        settings.StrategyName.Should().Be("momentum-btc");
        settings.ModelStage.Should().Be("Staging");
        await host.StopAsync(Ct);
    }

    [Fact]
    public void The_local_secret_store_reads_the_configured_folder_relative_to_the_content_root()
    {
        using var dir = new TempDirectory();
        var builder = Builder(dir.Path, ("TradAI:SecretsFolder", "my-secrets"), ("TradAI:SecretsEnvFile", "my.env"));
        builder.Services.AddTradaiConfig().UseLocal();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<TradaiStores>().SecretStore.Should().BeOfType<LocalSecretStore>().Which;

        store.Options.Directory.Should().Be(Path.Combine(dir.Path, "my-secrets"));
        store.Options.EnvFile.Should().Be(Path.Combine(dir.Path, "my.env"));
    }
}
