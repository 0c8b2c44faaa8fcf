using TradAI.Settings.Fields;
using TradAI.Settings.Secrets;

namespace TradAI.Settings.Loading;

/// <summary>One field of a load: its value as shown (masked when secret), where it came from, and the env names that set it.</summary>
public sealed class ResolvedSetting
{
    private readonly object? _value;
    private readonly bool _isRawText;
    private string? _display;

    internal ResolvedSetting(SettingField field, object? value, bool isRawText, SettingSource source, IReadOnlyList<string> environmentNames, bool isValid)
    {
        Field = field;
        _value = value;
        _isRawText = isRawText;
        Source = source;
        EnvironmentNames = environmentNames;
        IsValid = isValid;
    }

    public SettingField Field { get; }

    public string Name => Field.Name;

    /// <summary>The value as text: <see cref="SecretString.Mask"/> for a set secret, the raw text when it failed to parse, empty when unset.</summary>
    public string DisplayValue => _display ??= Display(Field, _value, _isRawText);

    /// <summary>Where the value came from.</summary>
    public SettingSource Source { get; }

    /// <summary>The variables that set it, first present wins.</summary>
    public IReadOnlyList<string> EnvironmentNames { get; }

    /// <summary>False when the field has a problem.</summary>
    public bool IsValid { get; }

    internal static string Display(SettingField field, object? value, bool isRawText) => value switch
    {
        null => string.Empty,
        _ when field.IsSecret => SecretString.Mask,
        string s when isRawText => s,
        IReadOnlyList<string> items when isRawText => "[" + string.Join(", ", items) + "]",
        _ when isRawText => value.ToString() ?? string.Empty,
        _ => field.Format(value),
    };
}
