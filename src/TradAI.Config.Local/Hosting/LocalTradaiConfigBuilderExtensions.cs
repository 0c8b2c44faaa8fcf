using TradAI.Config.Hosting.Registration;
using TradAI.Config.Local.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded (local) backend with TradAI Config hosting.</summary>
public static class LocalTradaiConfigBuilderExtensions
{
    /// <summary>
    /// Makes <c>TradAI:Backend=local</c> (the default) available: configs in the <c>TradAI:Store</c> folder, versions in
    /// its SQLite file, secrets from env / <c>.env</c> / JSON files (<c>TradAI:SecretsFolder</c>, <c>TradAI:SecretsEnvFile</c>).
    /// </summary>
    public static TradaiConfigBuilder UseLocal(this TradaiConfigBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddBackend(new LocalTradaiBackend());
    }
}
