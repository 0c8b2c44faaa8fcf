namespace TradAI.Config.MLflow.Tags;

/// <summary>One row of the tag table: a model-version tag, where its value goes in the config, and how to parse it.</summary>
/// <param name="Tag">The MLflow tag key.</param>
/// <param name="ConfigPath">Dotted path in the strategy config (<c>freqai.train_period_days</c>).</param>
/// <param name="Parser">How the tag text becomes a value.</param>
public sealed record TagExtractor(string Tag, string ConfigPath, TagParser Parser);
