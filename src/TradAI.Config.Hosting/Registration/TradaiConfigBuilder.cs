using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Health;
using TradAI.Config.Hosting.Strategies;

namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// What <c>services.AddTradaiConfig()</c> returns: the place to choose backends (the adapters' <c>Use…</c> extensions)
/// and to follow strategies' active versions, in one chain.
/// </summary>
public sealed class TradaiConfigBuilder
{
    internal TradaiConfigBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a backend; <c>TradAI:Backend</c> selects among them by name. Adapters call this from their <c>Use…</c> extension.</summary>
    public TradaiConfigBuilder AddBackend(TradaiBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Services.AddSingleton(backend);
        return this;
    }

    /// <summary>
    /// Follows the active config version of <paramref name="strategyName"/>: <c>IOptionsMonitor&lt;StrategyConfig&gt;.Get(name)</c>
    /// serves it (the first strategy registered also answers <c>CurrentValue</c>), a background refresher polls the
    /// version store (one get-active read per poll, <c>TradAI:RefreshInterval</c>, default 30 s, with jitter) and applies
    /// a new version only after it validates; a failing refresh keeps the last good version. Also registers the
    /// strategy's health check (<c>tradai-strategy:{name}</c>, tags <c>tradai</c>, <c>config</c>).
    /// </summary>
    /// <exception cref="Core.Errors.ConfigValidationException">The name is not a valid strategy name.</exception>
    /// <exception cref="InvalidOperationException">The strategy is registered already.</exception>
    public TradaiConfigBuilder AddActiveStrategyConfig(string strategyName, Action<ActiveStrategyOptions>? configure = null)
    {
        StrategyNames.Validate(strategyName);
        var existing = Services
            .Where(d => d.ServiceType == typeof(ActiveStrategyRegistration))
            .Select(d => (ActiveStrategyRegistration)d.ImplementationInstance!)
            .ToList();
        if (existing.Any(r => r.StrategyName == strategyName))
        {
            throw new InvalidOperationException($"strategy '{strategyName}' is registered already");
        }

        if (existing.Count == 0)
        {
            // The first strategy: serve StrategyConfig through the live monitor instead of the caching defaults.
            Services.Replace(ServiceDescriptor.Singleton<IOptionsMonitor<StrategyConfig>, ActiveStrategyOptionsMonitor>());
            Services.Replace(ServiceDescriptor.Singleton<IOptionsFactory<StrategyConfig>, ActiveStrategyOptionsFactory>());
        }

        Services.AddSingleton(new ActiveStrategyRegistration(strategyName));
        var options = Services.AddOptions<ActiveStrategyOptions>(strategyName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(ActiveStrategyOptionsChecks.IsValid, $"invalid options for strategy '{strategyName}': {ActiveStrategyOptionsChecks.Rules}").ValidateOnStart();
        Services.AddSingleton<IOptionsChangeTokenSource<StrategyConfig>>(sp => new ActiveStrategyChangeTokenSource(strategyName, sp.GetRequiredService<ActiveStrategyRefresherHub>()));
        Services.AddHealthChecks().Add(new HealthCheckRegistration(
            ActiveStrategyHealthCheck.NameFor(strategyName),
            sp => new ActiveStrategyHealthCheck(sp.GetRequiredService<ActiveStrategyRefresherHub>().Get(strategyName), sp.GetRequiredService<TimeProvider>()),
            failureStatus: HealthStatus.Unhealthy,
            tags: ["tradai", "config"]));
        return this;
    }
}
