using Microsoft.Extensions.Configuration;
using TradAI.Config.Core.Secrets;

namespace TradAI.Config.Hosting.Secrets;

/// <summary>
/// Secret members as configuration values. It reads nothing itself: the secrets refresher hands it the current values
/// of every secret it maps; a configuration reload keeps them. Its <see cref="ToString"/> names secrets, never values.
/// </summary>
internal sealed class TradaiSecretsConfigurationProvider(IReadOnlyList<TradaiSecretMapping> mappings, bool optional) : ConfigurationProvider
{
    public IReadOnlyList<TradaiSecretMapping> Mappings { get; } = mappings;

    public bool Optional { get; } = optional;

    public override void Load()
    {
        // Values arrive from the refresher; a reload must not drop them.
    }

    /// <summary>Rebuilds every value from <paramref name="secrets"/> at once and signals a reload.</summary>
    /// <param name="secrets">The last good value of each secret that has one.</param>
    /// <param name="missingKey">Told (secret, key, target) when a mapped member is absent.</param>
    public void Apply(IReadOnlyDictionary<string, SecretData> secrets, Action<string, string, string> missingKey)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in Mappings)
        {
            if (!secrets.TryGetValue(mapping.SecretName, out var secret))
            {
                continue;
            }

            if (mapping.Key is null)
            {
                foreach (var (member, value) in secret)
                {
                    data[ConfigurationPath.Combine(mapping.Target, member)] = value;
                }
            }
            else if (secret.TryGetValue(mapping.Key, out var value))
            {
                data[mapping.Target] = value;
            }
            else
            {
                missingKey(mapping.SecretName, mapping.Key, mapping.Target);
            }
        }

        Data = data;
        OnReload();
    }

    public override string ToString() =>
        $"TradaiSecretsConfigurationProvider({string.Join(", ", Mappings.Select(m => m.SecretName).Distinct(StringComparer.Ordinal))})";
}
