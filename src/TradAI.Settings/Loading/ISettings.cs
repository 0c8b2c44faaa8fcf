namespace TradAI.Settings.Loading;

/// <summary>
/// Implemented by every settings type: the static schema says how to build it without reflection,
/// which is what keeps the binding Native-AOT friendly.
/// </summary>
public interface ISettings<TSelf>
    where TSelf : class, ISettings<TSelf>
{
    /// <summary>The fields, rules, prefix, env files and constructor of this settings type.</summary>
    static abstract SettingsSchema<TSelf> Schema { get; }
}
