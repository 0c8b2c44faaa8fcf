using Microsoft.Extensions.Configuration;

namespace TradAI.Config.Hosting.Secrets;

/// <summary>The source behind <c>AddTradaiSecrets</c>: fixed mappings, fed by the host's secrets refresher.</summary>
internal sealed class TradaiSecretsConfigurationSource(IReadOnlyList<TradaiSecretMapping> mappings, bool optional) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new TradaiSecretsConfigurationProvider(mappings, optional);
}
