using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TradAI.Settings.Hosting;
using TradAI.Settings.Loading;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TradAI settings types with dependency injection.</summary>
public static class TradaiSettingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as a singleton (also as <c>IOptions&lt;T&gt;</c>), loaded once through
    /// <see cref="SettingsLoader"/> and validated when the host starts (<c>ValidateOnStart</c>): an invalid
    /// environment stops the host with every problem listed instead of failing at first use.
    /// </summary>
    public static OptionsBuilder<T> AddTradaiSettings<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        this IServiceCollection services,
        Action<TradaiSettingsOptions>? configure = null)
        where T : class, ISettings<T>
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new TradaiSettingsOptions();
        configure?.Invoke(options);

        services.AddOptions();
        services.Replace(ServiceDescriptor.Singleton<IOptionsFactory<T>>(sp =>
            new TradaiSettingsOptionsFactory<T>(options, sp.GetService<IConfiguration>(), sp.GetServices<IValidateOptions<T>>())));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().ValidateOnStart();
    }
}
