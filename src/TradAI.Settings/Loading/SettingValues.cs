using TradAI.Settings.Fields;

namespace TradAI.Settings.Loading;

/// <summary>
/// The typed values resolved for one load, keyed by descriptor. Settings types read their init-only properties
/// from it in their constructor; default factories read fields resolved before them.
/// </summary>
public sealed class SettingValues
{
    private readonly Dictionary<SettingField, object?> _values;

    internal SettingValues(int capacity)
    {
        _values = new Dictionary<SettingField, object?>(capacity, ReferenceEqualityComparer.Instance);
    }

    /// <summary>The value of a field that resolved without error.</summary>
    /// <exception cref="KeyNotFoundException">The field is not part of this settings type or failed to resolve.</exception>
    public T Get<T>(SettingField<T> field) =>
        _values.TryGetValue(field, out var value) ? (T)value! : throw new KeyNotFoundException($"Setting '{field.Name}' was not resolved");

    /// <summary>The value of a field if it resolved without error.</summary>
    public bool TryGet<T>(SettingField<T> field, out T value)
    {
        if (_values.TryGetValue(field, out var raw))
        {
            value = (T)raw!;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The value, or <paramref name="fallback"/> when the field is absent or failed (for defaults that depend on it).</summary>
    public T GetOrDefault<T>(SettingField<T> field, T fallback) => TryGet(field, out var v) ? v : fallback;

    internal void Set(SettingField field, object? value) => _values[field] = value;
}
