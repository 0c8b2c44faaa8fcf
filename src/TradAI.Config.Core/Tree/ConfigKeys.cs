using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tree;

/// <summary>What may be a mapping key, and how keys compare (<c>0</c> and <c>"0"</c> are different keys, <c>1</c> and <c>1.0</c> one, as in OmegaConf).</summary>
internal static class ConfigKeys
{
    public static readonly ConfigKeyComparer Comparer = ConfigKeyComparer.Instance;

    public static void EnsureValid(object? key)
    {
        if (key is not (string or long or double or bool))
        {
            throw new ConfigValidationException(
                $"unsupported key type {(key is null ? "null" : key.GetType().Name)}: keys must be strings, integers, floats or booleans");
        }
    }
}
