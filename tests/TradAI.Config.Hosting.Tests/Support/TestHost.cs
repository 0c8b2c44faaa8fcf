using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.Hosting.Secrets;
using TradAI.Config.Hosting.Strategies;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// A real <see cref="IHost"/> (HostApplicationBuilder, the hosted services, DI, options, health checks) on a fake clock,
/// pointed at one <see cref="HostBackend"/>, with its logs and metrics captured and its refresh loops observable.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly Dictionary<string, LoopProbe<StrategyRefreshResult>> _probes = new(StringComparer.Ordinal);
    private bool _started;

    private TestHost(IHost host, FakeTimeProvider time, LogCapture logs)
    {
        Host = host;
        Time = time;
        Logs = logs;
        Metrics = new MetricsCapture(host.Services.GetRequiredService<IMeterFactory>());
        foreach (var refresher in Hub.Refreshers)
        {
            var probe = new LoopProbe<StrategyRefreshResult>();
            refresher.Waiting += probe.OnWaiting;
            refresher.Refreshed += probe.OnRefreshed;
            _probes[refresher.Name] = probe;
        }

        SecretsProbe = new LoopProbe<TradaiSecretsRefreshResult>();
        var secrets = host.Services.GetRequiredService<TradaiSecretsRefresher>();
        secrets.Waiting += SecretsProbe.OnWaiting;
        secrets.Refreshed += SecretsProbe.OnRefreshed;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; }

    public MetricsCapture Metrics { get; }

    public LoopProbe<TradaiSecretsRefreshResult> SecretsProbe { get; }

    public IServiceProvider Services => Host.Services;

    public IOptionsMonitor<StrategyConfig> Monitor => Services.GetRequiredService<IOptionsMonitor<StrategyConfig>>();

    public IActiveStrategyRefresher Refresher => Services.GetRequiredService<IActiveStrategyRefresher>();

    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    internal ActiveStrategyRefresherHub Hub => Services.GetRequiredService<ActiveStrategyRefresherHub>();

    /// <summary>Builds (not starts) a host on <paramref name="backend"/>.</summary>
    public static TestHost Create(
        HostBackend backend,
        Action<TradaiConfigBuilder> tradai,
        Action<HostApplicationBuilder>? host = null,
        Action<TradaiConfigOptions>? options = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = backend.Root,
            EnvironmentName = "Test",
        });
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        host?.Invoke(builder);
        var config = builder.Services.AddTradaiConfig(o =>
        {
            backend.Configure(o);
            options?.Invoke(o);
        });
        backend.Register(config);
        tradai(config);
        return new TestHost(builder.Build(), time, logs);
    }

    /// <summary>Builds and starts a host.</summary>
    public static async Task<TestHost> StartAsync(
        HostBackend backend,
        Action<TradaiConfigBuilder> tradai,
        Action<HostApplicationBuilder>? host = null,
        Action<TradaiConfigOptions>? options = null)
    {
        var test = Create(backend, tradai, host, options);
        await test.StartAsync();
        return test;
    }

    public async Task StartAsync()
    {
        await Host.StartAsync(TestContext.Current.CancellationToken);
        _started = true;
    }

    internal LoopProbe<StrategyRefreshResult> Probe(string strategy) => _probes[strategy];

    /// <summary>
    /// Lets exactly one poll interval pass for <paramref name="strategy"/> (waits until its loop is parked, moves the
    /// fake clock by the armed delay) and returns what that scheduled refresh did.
    /// </summary>
    public async Task<StrategyRefreshResult> PollAsync(string strategy)
    {
        var probe = _probes[strategy];
        var delay = await probe.WhenParkedAsync();
        var next = probe.NextRefresh();
        Time.Advance(delay);
        return await next;
    }

    /// <summary>Lets one secrets TTL pass and returns what the scheduled re-read did.</summary>
    public async Task<TradaiSecretsRefreshResult> PollSecretsAsync()
    {
        var delay = await SecretsProbe.WhenParkedAsync();
        var next = SecretsProbe.NextRefresh();
        Time.Advance(delay);
        return await next;
    }

    public Task<HealthReport> HealthAsync() =>
        Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Host.StopAsync(CancellationToken.None);
        }

        Metrics.Dispose();
        Host.Dispose();
    }
}
