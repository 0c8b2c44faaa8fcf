using System.Collections;

namespace TradAI.Config.Core.Secrets;

/// <summary>
/// The members of a secret's JSON object. Strings are kept as they are; numbers and booleans as their JSON text;
/// nested objects and arrays as raw JSON; JSON null as null. <see cref="ToString"/> shows key names only, so a secret
/// that reaches a log line, an exception or a debugger tooltip never shows its values.
/// </summary>
public sealed class SecretData : IReadOnlyDictionary<string, string?>
{
    private readonly Dictionary<string, string?> _values;

    public SecretData(string name, IEnumerable<KeyValuePair<string, string?>> values, string? versionId = null)
    {
        Name = name;
        VersionId = versionId;
        _values = new Dictionary<string, string?>(values, StringComparer.Ordinal);
    }

    /// <summary>The secret's name (not sensitive).</summary>
    public string Name { get; }

    /// <summary>The store's version id when it has one (Secrets Manager's <c>VersionId</c>).</summary>
    public string? VersionId { get; }

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<string?> Values => _values.Values;

    public string? this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out string? value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Names the secret and its keys; never a value.</summary>
    public override string ToString() => $"SecretData({Name}: {string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))} = ***)";
}
