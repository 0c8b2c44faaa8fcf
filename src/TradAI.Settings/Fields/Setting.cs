using TradAI.Settings.Secrets;

namespace TradAI.Settings.Fields;

/// <summary>Factory for setting descriptors: <c>Setting.Int("port", 8000).WithCheck(SettingValidators.Port)</c>.</summary>
public static class Setting
{
    /// <summary>An optional text setting (null when unset).</summary>
    public static SettingField<string?> String(string name) => new(name, t => Parsed<string?>.Success(t), _ => null);

    /// <summary>A text setting with a default.</summary>
    public static SettingField<string> String(string name, string defaultValue) => new(name, ValueParsers.Text, _ => defaultValue);

    /// <summary>An optional secret (key, password, token): masked everywhere it could be shown.</summary>
    public static SettingField<SecretString?> Secret(string name) =>
        new SettingField<SecretString?>(name, t => Parsed<SecretString?>.Success(new SecretString(t)), _ => null, _ => SecretString.Mask).AsSecret();

    public static SettingField<int> Int(string name, int defaultValue) => new(name, ValueParsers.Integer, _ => defaultValue);

    public static SettingField<bool> Bool(string name, bool defaultValue) => new(name, ValueParsers.Boolean, _ => defaultValue);

    /// <summary>A list from comma-separated text, a JSON array, or a YAML sequence.</summary>
    public static SettingField<StringList> List(string name, StringList defaultValue) =>
        new SettingField<StringList>(name, ValueParsers.List, _ => defaultValue, l => l.ToString()).WithItemsParser(ValueParsers.Items);

    /// <summary>One of a fixed set of values with explicit spellings (no reflection over enums).</summary>
    public static SettingField<T> Choice<T>(string name, T defaultValue, IReadOnlyDictionary<string, T> spellings, Func<T, string> format)
        where T : struct
    {
        var allowed = string.Join(", ", spellings.Keys);
        var lookup = new Dictionary<string, T>(spellings, StringComparer.OrdinalIgnoreCase);
        return new SettingField<T>(
            name,
            t => lookup.TryGetValue(t.Trim(), out var v) ? Parsed<T>.Success(v) : Parsed<T>.Failure($"must be one of {allowed}"),
            _ => defaultValue,
            format);
    }
}
