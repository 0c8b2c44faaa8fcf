using AwesomeAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

/// <summary>The DI path: IOptions, singleton registration and ValidateOnStart stopping a host.</summary>
public sealed class HostingTests
{
    private static HostApplicationBuilder Builder() => Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

    [Fact]
    public async Task An_invalid_environment_fails_the_host_at_start_with_every_problem()
    {
        var builder = Builder();
        builder.Services.AddTradaiSettings<BackendSettings>(o => o.LoadOptions = TestEnv.Options(("BACKEND_PORT", "0"), ("BACKEND_ENVIRONMENT", "prod"), ("BACKEND_WEBSOCKET_SECRET_KEY", "s3cr3t-value-never-shown")));
        using var host = builder.Build();

        var act = () => host.StartAsync(TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        error.OptionsType.Should().Be<BackendSettings>();
        error.Failures.Should().HaveCount(3);
        error.Failures.Should().Contain(f => f.StartsWith("port: must be between 1 and 65535") && f.Contains("env BACKEND_PORT"));
        error.Failures.Should().Contain(f => f.StartsWith("executor_mode:"));
        error.Failures.Should().Contain(f => f.StartsWith("websocket_secret_key:"));
        error.Message.Should().NotContain("s3cr3t-value-never-shown");
    }

    [Fact]
    public async Task A_valid_environment_starts_and_injects_one_frozen_instance()
    {
        var builder = Builder();
        builder.Services.AddTradaiSettings<BackendSettings>(o => o.LoadOptions = TestEnv.Options(("BACKEND_PORT", "8600")));
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);

        var settings = host.Services.GetRequiredService<BackendSettings>();
        settings.Port.Should().Be(8600);
        host.Services.GetRequiredService<IOptions<BackendSettings>>().Value.Should().BeSameAs(settings);
        host.Services.GetRequiredService<BackendSettings>().Should().BeSameAs(settings);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Host_configuration_is_read_as_the_environment_including_section_keys()
    {
        var builder = Builder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BACKEND_PORT"] = "8700",
            ["Backend:Debug"] = "true",
            ["AWS_REGION"] = "eu-west-3",
        });
        builder.Services.AddTradaiSettings<BackendSettings>(o => o.LoadOptions = new() { EnvFiles = [] });
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);

        var settings = host.Services.GetRequiredService<BackendSettings>();
        settings.Port.Should().Be(8700);
        settings.Debug.Should().BeTrue();
        settings.AwsRegion.Should().Be("eu-west-3");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Extra_options_validators_run_on_start_too()
    {
        var builder = Builder();
        builder.Services.AddTradaiSettings<BackendSettings>(o => o.LoadOptions = TestEnv.Options())
            .Validate(s => s.Port != 8000, "port 8000 is reserved on this host");
        using var host = builder.Build();

        var act = () => host.StartAsync(TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().Equal("port 8000 is reserved on this host");
    }

    [Fact]
    public void Two_services_register_side_by_side()
    {
        var services = new ServiceCollection();
        services.AddTradaiSettings<BackendSettings>(o => o.LoadOptions = TestEnv.Options(("STRATEGY_STRATEGY_NAME", "ignored-by-backend")));
        services.AddTradaiSettings<StrategyServiceSettings>(o => o.LoadOptions = TestEnv.Options(("STRATEGY_STRATEGY_NAME", "mean-reversion")));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<StrategyServiceSettings>().StrategyName.Should().Be("mean-reversion");
        provider.GetRequiredService<BackendSettings>().ServiceName.Should().Be("backend");
    }
}
