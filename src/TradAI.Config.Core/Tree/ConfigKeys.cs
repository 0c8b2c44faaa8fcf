using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tree;

/// <summary>What may be a mapping key, and how keys compare (<c>0</c> and <c>"0"</c> are different keys, as in OmegaConf).</summary>
internal static class ConfigKeys
{
    public static readonly IEqualityComparer<object> Comparer = EqualityComparer<object>.Default;

    public static void EnsureValid(object? key)
    {
        if (key is not (string or long or double or bool))
        {
            throw new ConfigValidationException(
                $"unsupported key type {(key is null ? "null" : key.GetType().Name)}: keys must be strings, integers, floats or booleans");
        }
    }
}
