using TradAI.Settings.Fields;

namespace TradAI.Settings.Loading;

/// <summary>
/// A reusable set of fields and rules (a mixin such as MLflow or Cognito) that any settings schema can include,
/// so services compose shared settings instead of copying them.
/// </summary>
public sealed record SettingsGroup(string Name, IReadOnlyList<SettingField> Fields, IReadOnlyList<SettingsRule> Rules);
