using Microsoft.Extensions.Configuration;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Registry;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.MLflow.Client;
using TradAI.Config.MLflow.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MLflow model registry with TradAI Config hosting.</summary>
public static class MlflowTradaiConfigBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IStrategyRegistry"/> (MLflow REST 2.0) for the hosted <c>StrategyConfigLoader</c>'s
    /// <c>LoadFromMlflowAsync</c> / <c>LoadWithFallbackAsync</c>. Without <paramref name="settings"/> they come from
    /// <c>MLFLOW_TRACKING_URI</c> (and <c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>/<c>TOKEN</c>/<c>INSECURE_TLS</c>)
    /// read through the host's configuration, which includes the environment. Created on first use; a missing URI
    /// fails that first use with a message saying what to set.
    /// </summary>
    public static TradaiConfigBuilder UseMlflow(this TradaiConfigBuilder builder, MlflowSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IStrategyRegistry>(sp =>
        {
            var configuration = sp.GetService<IConfiguration>();
            var resolved = settings
                ?? MlflowSettings.FromEnvironment(name => configuration?[name] ?? Environment.GetEnvironmentVariable(name))
                ?? throw new ExternalServiceException(MlflowRegistryClient.ServiceName, "UseMlflow() needs a tracking URI: set MLFLOW_TRACKING_URI or pass MlflowSettings");
            return new MlflowStrategyRegistry(new MlflowRegistryClient(resolved));
        });
        return builder;
    }
}
