using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;

namespace TradAI.Config.Hosting.Secrets;

/// <summary>Which secrets <c>AddTradaiSecrets</c> maps into configuration, and whether the host may start without them.</summary>
public sealed class TradaiSecretsOptions
{
    private readonly List<TradaiSecretMapping> _mappings = [];

    /// <summary>The mappings, in the order added; a later one wins where two set the same key.</summary>
    public IReadOnlyList<TradaiSecretMapping> Mappings => _mappings;

    /// <summary>When true the host starts even if a secret cannot be read (its keys stay unset until a refresh succeeds).</summary>
    public bool Optional { get; set; }

    /// <summary>Maps every member of the secret's JSON object under <paramref name="section"/> (<c>section:member</c>).</summary>
    public TradaiSecretsOptions Map(string secretName, string section)
    {
        _mappings.Add(new TradaiSecretMapping(SecretErrors.ValidateName(secretName), RequireKey(section, nameof(section))));
        return this;
    }

    /// <summary>Maps one member <paramref name="key"/> of the secret to the configuration key <paramref name="configurationKey"/>.</summary>
    public TradaiSecretsOptions MapKey(string secretName, string key, string configurationKey)
    {
        _mappings.Add(new TradaiSecretMapping(SecretErrors.ValidateName(secretName), RequireKey(configurationKey, nameof(configurationKey)), RequireKey(key, nameof(key))));
        return this;
    }

    private static string RequireKey(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl)
            ? throw new ConfigValidationException(what, $"{what} must be a non-empty configuration key without control characters")
            : value;
}
