using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tree;

/// <summary>Collects entries for a <see cref="ConfigMapping"/>, rejecting duplicate keys.</summary>
public sealed class ConfigMappingBuilder
{
    private readonly List<KeyValuePair<object, object?>> _entries;
    private HashSet<object>? _seen;

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
        if (_entries.Count < 8)
        {
            foreach (var e in _entries)
            {
                if (ConfigKeys.Comparer.Equals(e.Key, key))
                {
                    return false;
                }
            }
        }
        else
        {
            if (_seen is null)
            {
                _seen = new HashSet<object>(ConfigKeys.Comparer);
                foreach (var e in _entries)
                {
                    _seen.Add(e.Key);
                }
            }

            if (!_seen.Add(key))
            {
                return false;
            }
        }

        _entries.Add(new(key, value));
        return true;
    }

    /// <summary>Whether the key has been added.</summary>
    public bool Contains(object key)
    {
        if (_seen is not null)
        {
            return _seen.Contains(key);
        }

        foreach (var e in _entries)
        {
            if (ConfigKeys.Comparer.Equals(e.Key, key))
            {
                return true;
            }
        }

        return false;
    }

    public ConfigMapping Build() => _entries.Count == 0 ? ConfigMapping.Empty : new ConfigMapping([.. _entries]);
}
