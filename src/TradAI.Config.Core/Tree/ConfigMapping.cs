using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// An immutable, insertion-ordered mapping: the node type of every config document.
/// Keys are strings, or — as YAML and OmegaConf allow — <see cref="long"/>, <see cref="double"/> or <see cref="bool"/>.
/// Values are <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="ConfigMapping"/>, <see cref="ConfigSequence"/> or <see cref="MissingValue"/>.
/// </summary>
public sealed class ConfigMapping : IReadOnlyDictionary<object, object?>
{
    // Small maps are scanned; larger ones get a hash index built on first lookup.
    private const int IndexThreshold = 12;

    private readonly KeyValuePair<object, object?>[] _entries;
    private Dictionary<object, int>? _index;

    /// <summary>The mapping with no entries.</summary>
    public static ConfigMapping Empty { get; } = new([]);

    internal ConfigMapping(KeyValuePair<object, object?>[] entries)
    {
        _entries = entries;
        var shape = TreeShape.Container;
        foreach (var entry in entries)
        {
            shape = shape.Add(entry.Value);
        }

        (Depth, NodeCount) = shape.Checked();
    }

    /// <summary>Builds a mapping from string-keyed entries; a repeated key is an error.</summary>
    public static ConfigMapping From(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var builder = new ConfigMappingBuilder();
        foreach (var (k, v) in entries)
        {
            builder.Add(k, v);
        }

        return builder.Build();
    }

    /// <summary>Builds a mapping from <c>(key, value)</c> pairs; a repeated key is an error.</summary>
    public static ConfigMapping Of(params (object Key, object? Value)[] entries)
    {
        var builder = new ConfigMappingBuilder(entries.Length);
        foreach (var (k, v) in entries)
        {
            builder.Add(k, v);
        }

        return builder.Build();
    }

    public int Count => _entries.Length;

    /// <summary>Levels of nesting: 1 for a mapping of scalars. Bounded by <see cref="TreeShape.MaxSupportedDepth"/>.</summary>
    public int Depth { get; }

    /// <summary>Nodes in the tree, a subtree shared by references counted at every place it appears.</summary>
    public long NodeCount { get; }

    /// <summary>The entries in document order.</summary>
    public ReadOnlySpan<KeyValuePair<object, object?>> Entries => _entries;

    public object? this[object key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(ConfigPath.FormatKey(key));

    public IEnumerable<object> Keys => _entries.Select(e => e.Key);

    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    public bool ContainsKey(object key) => IndexOf(key) >= 0;

    public bool TryGetValue(object key, [MaybeNullWhen(false)] out object? value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _entries[i].Value;
        return true;
    }

    /// <summary>
    /// The key a path segment (text from an override or an interpolation) names: the string key, else the
    /// integer key it spells (YAML <c>0:</c>); null when neither exists.
    /// </summary>
    public object? FindKeyByText(string segment)
    {
        if (ContainsKey(segment))
        {
            return segment;
        }

        return long.TryParse(segment, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) && ContainsKey(l) ? l : null;
    }

    /// <summary>Returns a copy with <paramref name="key"/> set (replaced in place, or appended).</summary>
    public ConfigMapping With(object key, object? value)
    {
        ConfigKeys.EnsureValid(key);
        var i = IndexOf(key);
        KeyValuePair<object, object?>[] copy;
        if (i >= 0)
        {
            copy = (KeyValuePair<object, object?>[])_entries.Clone();
            copy[i] = new(_entries[i].Key, value);
        }
        else
        {
            copy = new KeyValuePair<object, object?>[_entries.Length + 1];
            _entries.CopyTo(copy, 0);
            copy[^1] = new(key, value);
        }

        return new ConfigMapping(copy);
    }

    /// <summary>Returns a copy without <paramref name="key"/> (the same instance when absent).</summary>
    public ConfigMapping Without(object key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return this;
        }

        var copy = new KeyValuePair<object, object?>[_entries.Length - 1];
        Array.Copy(_entries, 0, copy, 0, i);
        Array.Copy(_entries, i + 1, copy, i, _entries.Length - i - 1);
        return new ConfigMapping(copy);
    }

    internal int IndexOf(object key)
    {
        var entries = _entries;
        if (entries.Length <= IndexThreshold)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                if (ConfigKeys.Comparer.Equals(entries[i].Key, key))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index;
        if (index is null)
        {
            index = new Dictionary<object, int>(entries.Length, ConfigKeys.Comparer);
            for (var i = 0; i < entries.Length; i++)
            {
                index[entries[i].Key] = i;
            }

            _index = index;
        }

        return index.TryGetValue(key, out var found) ? found : -1;
    }

    public IEnumerator<KeyValuePair<object, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<object, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Structural equality (order-insensitive for mappings, as YAML defines it).</summary>
    public override bool Equals(object? obj) => obj is ConfigMapping other && ConfigValues.DeepEquals(this, other);

    public override int GetHashCode() => Count;

    public override string ToString() => ConfigJsonWriter.ToJson(this, indented: false);
}
