using TradAI.Settings.Fields;

namespace TradAI.Settings.Loading;

/// <summary>One field of a load: its display value (masked when secret), where it came from, and the env names that set it.</summary>
/// <param name="Field">The descriptor.</param>
/// <param name="DisplayValue">The value as text, <see cref="Secrets.SecretString.Mask"/> for a set secret, empty when unset.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="EnvironmentNames">The variables that set it, first present wins.</param>
/// <param name="IsValid">False when the field has a problem.</param>
public sealed record ResolvedSetting(SettingField Field, string DisplayValue, SettingSource Source, IReadOnlyList<string> EnvironmentNames, bool IsValid)
{
    public string Name => Field.Name;
}
