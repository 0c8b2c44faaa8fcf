using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Properties;

public class MergePropertyTests
{
    [Fact]
    public void Merging_with_an_empty_override_is_identity() =>
        ConfigGenerators.Mapping().Sample(m => Assert.Equal(m, ConfigMerger.Merge(m, ConfigMapping.Empty)), iter: 500);

    [Fact]
    public void Merging_into_an_empty_base_is_identity() =>
        ConfigGenerators.Mapping().Sample(m => Assert.Equal(m, ConfigMerger.Merge(ConfigMapping.Empty, m)), iter: 500);

    [Fact]
    public void Merging_a_config_with_itself_is_identity() =>
        ConfigGenerators.Mapping().Sample(m =>
        {
            if (MergeOrRuleError(m, m) is { } merged)
            {
                Assert.Equal(m, merged);
            }
        }, iter: 500);

    [Fact]
    public void The_overrides_scalars_always_win() =>
        Gen.Select(ConfigGenerators.Mapping(), ConfigGenerators.Mapping()).Sample((b, o) =>
        {
            if (MergeOrRuleError(b, o) is not { } merged)
            {
                return;
            }

            foreach (var (path, value) in Leaves(o, []))
            {
                Assert.True(ConfigValues.DeepEquals(value, Get(merged, path)), $"at {ConfigPath.Join(path)}");
            }
        }, iter: 500);

    [Fact]
    public void Every_base_key_survives_a_merge() =>
        Gen.Select(ConfigGenerators.Mapping(), ConfigGenerators.Mapping()).Sample((b, o) =>
        {
            if (MergeOrRuleError(b, o) is { } merged)
            {
                Assert.All(b.Keys, k => Assert.True(merged.ContainsKey(k)));
            }
        }, iter: 500);

    // The merge, or null when it fails for one of OmegaConf's reasons: a mapping meeting a list, or merging into a
    // malformed interpolation. Any other failure fails the property.
    private static ConfigMapping? MergeOrRuleError(ConfigMapping b, ConfigMapping o)
    {
        try
        {
            return ConfigMerger.Merge(b, o);
        }
        catch (ConfigValidationException ex) when (ex.Message.Contains("cannot merge a", StringComparison.Ordinal) || ex.Message.Contains("is not a valid interpolation", StringComparison.Ordinal))
        {
            return null;
        }
    }

    // Leaves of the override that must appear verbatim in the result: scalars other than '???', and lists.
    private static IEnumerable<(List<object> Path, object? Value)> Leaves(ConfigMapping m, List<object> prefix)
    {
        foreach (var (k, v) in m)
        {
            var path = new List<object>(prefix) { k };
            if (v is ConfigMapping child)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else if (v is not MissingValue)
            {
                yield return (path, v);
            }
        }
    }

    private static object? Get(object? node, List<object> path)
    {
        foreach (var k in path)
        {
            node = ((ConfigMapping)node!)[k];
        }

        return node;
    }
}
