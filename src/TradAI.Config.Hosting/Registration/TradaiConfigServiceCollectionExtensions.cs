using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Registry;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Diagnostics;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.Hosting.Secrets;
using TradAI.Config.Hosting.Strategies;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The entry point of TradAI Config for services.</summary>
public static class TradaiConfigServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>TradAI</c> configuration section (<see cref="TradaiConfigOptions"/>, validated when the host starts)
    /// and registers, as lazily created singletons over the selected backend: the config store
    /// (<see cref="IConfigRepository"/>), <see cref="ConfigMergeService"/>, <see cref="StrategyConfigLoader"/> (with the
    /// MLflow registry when one is registered), the version store and <see cref="ConfigVersionService"/>, and the caching
    /// secret store (<see cref="ISecretStore"/> / <see cref="CachingSecretStore"/>). Ports registered before this call
    /// are kept. Choose backends with the adapters' <c>UseLocal()</c> / <c>UseAws()</c>, follow strategies with
    /// <see cref="TradaiConfigBuilder.AddActiveStrategyConfig"/>. Calling it again returns the same setup.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Applied after the section is bound (code wins over configuration).</param>
    public static TradaiConfigBuilder AddTradaiConfig(this IServiceCollection services, Action<TradaiConfigOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new TradaiConfigBuilder(services);
        var options = services.AddOptions<TradaiConfigOptions>();
        var first = !services.Any(d => d.ServiceType == typeof(TradaiStores));
        if (first)
        {
            // Bound from the container's IConfiguration when there is one (a host always has one); defaults otherwise.
            services.AddSingleton<IConfigureOptions<TradaiConfigOptions>>(sp => new ConfigureNamedOptions<TradaiConfigOptions>(
                Options.Options.DefaultName, o => sp.GetService<IConfiguration>()?.GetSection(TradaiConfigOptions.SectionName).Bind(o)));
            options.ValidateOnStart();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!first)
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TradaiConfigOptions>, TradaiConfigOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<HostingInstruments>();

        services.AddSingleton<TradaiStores>();
        services.TryAddSingleton(sp => sp.GetRequiredService<TradaiStores>().ConfigRepository);
        services.TryAddSingleton(sp => sp.GetRequiredService<TradaiStores>().VersionRepository);
        services.TryAddSingleton(sp => new StrategyConfigLoader(
            sp.GetRequiredService<IConfigRepository>, sp.GetService<IStrategyRegistry>(), sp.GetService<ILogger<StrategyConfigLoader>>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<StrategyConfigLoader>().MergeService);
        services.TryAddSingleton(sp => new ConfigVersionService(sp.GetRequiredService<IConfigVersionRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CachingSecretStore(
            sp.GetRequiredService<TradaiStores>().SecretStore, sp.GetRequiredService<IOptions<TradaiConfigOptions>>().Value.SecretsCacheTtl, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISecretStore>(sp => sp.GetRequiredService<CachingSecretStore>());

        services.AddSingleton<ActiveStrategyRefresherHub>();
        services.AddSingleton<IActiveStrategyRefresher>(sp => sp.GetRequiredService<ActiveStrategyRefresherHub>());
        services.AddSingleton<ActiveStrategyRefreshService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ActiveStrategyRefreshService>());
        services.AddSingleton<TradaiSecretsRefresher>();
        services.AddSingleton<ITradaiSecretsRefresher>(sp => sp.GetRequiredService<TradaiSecretsRefresher>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TradaiSecretsRefresher>());
        return builder;
    }
}
