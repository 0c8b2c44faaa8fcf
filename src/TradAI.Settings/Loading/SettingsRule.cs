namespace TradAI.Settings.Loading;

/// <summary>
/// A check across fields (a Pydantic model validator), e.g. "LOCAL executor mode is refused outside dev".
/// Report failures with <see cref="SettingsRuleContext.Fail"/>; a rule reading a field that failed its own
/// checks gets <c>false</c> from <see cref="SettingsRuleContext.TryGet{T}"/> and should skip.
/// </summary>
public delegate void SettingsRule(SettingsRuleContext context);
