using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tree;

/// <summary>Collects entries for a <see cref="ConfigMapping"/>, rejecting duplicate keys or, with <see cref="Set"/>, replacing them.</summary>
public sealed class ConfigMappingBuilder
{
    private readonly List<KeyValuePair<object, object?>> _entries;
    private Dictionary<object, int>? _index;

    public ConfigMappingBuilder(int capacity = 8)
    {
        _entries = new List<KeyValuePair<object, object?>>(capacity);
    }

    public int Count => _entries.Count;

    /// <summary>Adds an entry; a key already present is a <see cref="ConfigValidationException"/>.</summary>
    public void Add(object key, object? value)
    {
        if (!TryAdd(key, value))
        {
            throw new ConfigValidationException($"duplicate key '{InputSanitizer.Sanitize(ConfigPath.FormatKey(key))}'");
        }
    }

    /// <summary>Adds an entry unless the key is present; returns whether it was added.</summary>
    public bool TryAdd(object key, object? value)
    {
        ConfigKeys.EnsureValid(key);
        if (IndexOf(key) >= 0)
        {
            return false;
        }

        Append(key, value);
        return true;
    }

    /// <summary>
    /// Sets an entry as a Python dict assignment does: an equal key keeps its place and its original form
    /// (<c>1</c> stays <c>1</c> when <c>1.0</c> is set) and takes the new value; a new key goes last.
    /// </summary>
    public void Set(object key, object? value)
    {
        ConfigKeys.EnsureValid(key);
        var i = IndexOf(key);
        if (i >= 0)
        {
            _entries[i] = new(_entries[i].Key, value);
            return;
        }

        Append(key, value);
    }

    /// <summary>Whether the key has been added.</summary>
    public bool Contains(object key) => IndexOf(key) >= 0;

    public ConfigMapping Build() => _entries.Count == 0 ? ConfigMapping.Empty : new ConfigMapping([.. _entries]);

    private void Append(object key, object? value)
    {
        _index?.Add(key, _entries.Count);
        _entries.Add(new(key, value));
    }

    // Small builders are scanned; from 8 entries on a hash index is kept.
    private int IndexOf(object key)
    {
        if (_index is null)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                if (ConfigKeys.Comparer.Equals(_entries[i].Key, key))
                {
                    return i;
                }
            }

            if (_entries.Count < 8)
            {
                return -1;
            }

            _index = new Dictionary<object, int>(_entries.Count * 2, ConfigKeys.Comparer);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key] = i;
            }

            return -1;
        }

        return _index.TryGetValue(key, out var found) ? found : -1;
    }
}
