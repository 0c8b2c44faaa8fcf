using TradAI.Settings.Fields;

namespace TradAI.Settings.Loading;

/// <summary>What a <see cref="SettingsRule"/> sees: the resolved values, whether a field was set explicitly, and a way to fail.</summary>
public sealed class SettingsRuleContext
{
    private readonly Func<SettingField, bool> _isExplicit;
    private readonly Action<SettingField, string> _fail;

    internal SettingsRuleContext(SettingValues values, Func<SettingField, bool> isExplicit, Action<SettingField, string> fail)
    {
        Values = values;
        _isExplicit = isExplicit;
        _fail = fail;
    }

    public SettingValues Values { get; }

    public bool TryGet<T>(SettingField<T> field, out T value) => Values.TryGet(field, out value);

    /// <summary>True when the field's value came from a source other than its default.</summary>
    public bool IsExplicit(SettingField field) => _isExplicit(field);

    /// <summary>Records a problem on <paramref name="field"/>; the message gains where its value came from.</summary>
    public void Fail(SettingField field, string reason) => _fail(field, reason);
}
