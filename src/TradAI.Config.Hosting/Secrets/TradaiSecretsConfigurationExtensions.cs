using TradAI.Config.Core.Errors;
using TradAI.Config.Hosting.Secrets;

namespace Microsoft.Extensions.Configuration;

/// <summary>Maps secrets from the TradAI secret store (Secrets Manager, or env / .env / files locally) into configuration.</summary>
public static class TradaiSecretsConfigurationExtensions
{
    /// <summary>
    /// Adds the JSON members of named secrets as configuration values, e.g.
    /// <c>s => s.Map("tradai/prod/db", "ConnectionStrings")</c> or <c>s.MapKey("tradai/prod/db", "password", "Database:Password")</c>.
    /// The values come from the secrets refresher of <c>services.AddTradaiConfig()</c> (they appear when the host starts),
    /// are re-read on the secret cache's time-to-live so a rotation reaches configuration within one TTL, and are never logged.
    /// </summary>
    public static IConfigurationBuilder AddTradaiSecrets(this IConfigurationBuilder builder, Action<TradaiSecretsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TradaiSecretsOptions();
        configure(options);
        if (options.Mappings.Count == 0)
        {
            throw new ConfigValidationException("secrets", "AddTradaiSecrets needs at least one Map(secret, section) or MapKey(secret, key, configurationKey)");
        }

        return builder.Add(new TradaiSecretsConfigurationSource([.. options.Mappings], options.Optional));
    }
}
