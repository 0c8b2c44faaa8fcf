using CsCheck;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Properties;

/// <summary>CsCheck generators of config trees with every value type, shared keys (so merges collide) and nesting.</summary>
internal static class ConfigGenerators
{
    private static readonly Gen<object> Key = Gen.OneOf<object>(
        Gen.OneOfConst<object>("a", "b", "c", "name", "0", "yes", "x y"),
        Gen.Int[0, 3].Select(i => (object)(long)i));

    private static readonly Gen<object?> Scalar = Gen.Frequency(
        (3, Gen.Int[-1000, 1000].Select(i => (object?)(long)i)),
        (2, Gen.Int[-4000, 4000].Select(i => (object?)(i / 8.0))),
        (1, Gen.Bool.Select(b => (object?)b)),
        (1, Gen.Const(default(object))),
        (1, Gen.Const<object?>(MissingValue.Instance)),
        (3, Gen.OneOfConst<object?>("text", "", "yes", "1e3", "null", "a: b", "multi\nline", "#x", "-", "${not-a-ref", "  pad ", "ünï", "'q'")));

    public static Gen<object?> Value(int depth) => Value(Key, Scalar, depth);

    public static Gen<ConfigMapping> Mapping(int depth = 3) => Mapping(Key, Scalar, depth);

    /// <summary>Trees over the given keys and scalars (the OmegaConf round-trip test brings its own edge cases).</summary>
    public static Gen<object?> Value(Gen<object> key, Gen<object?> scalar, int depth) => depth <= 0
        ? scalar
        : Gen.Frequency(
            (5, scalar),
            (2, Mapping(key, scalar, depth - 1).Select(m => (object?)m)),
            (1, Value(key, scalar, depth - 1).Array[0, 4].Select(items => (object?)ConfigSequence.From(items))));

    public static Gen<ConfigMapping> Mapping(Gen<object> key, Gen<object?> scalar, int depth) =>
        Gen.Select(key, Value(key, scalar, depth)).Array[0, 5].Select(entries =>
        {
            var builder = new ConfigMappingBuilder();
            foreach (var (k, v) in entries)
            {
                builder.TryAdd(k, v);
            }

            return builder.Build();
        });
}
