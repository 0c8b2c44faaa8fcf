using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Applies Hydra overrides to a config the way Hydra does: a change needs the key to exist, <c>+</c> needs it
/// not to exist, <c>++</c> does either, <c>~</c> deletes; mapping values merge into mappings (Hydra's merge=True).
/// Every failing override is reported at once.
/// </summary>
public static class OverrideApplier
{
    /// <summary>Parses and applies override strings in order.</summary>
    public static ConfigMapping Apply(ConfigMapping config, IEnumerable<string> overrides)
    {
        var parsed = new List<ConfigOverride>();
        var problems = new List<ValidationProblem>();
        foreach (var text in overrides)
        {
            try
            {
                parsed.Add(ConfigOverride.Parse(text));
            }
            catch (ConfigValidationException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigValidationException(problems, "Invalid overrides");
        }

        return Apply(config, parsed);
    }

    /// <summary>Applies parsed overrides in order.</summary>
    public static ConfigMapping Apply(ConfigMapping config, IEnumerable<ConfigOverride> overrides)
    {
        var problems = new List<ValidationProblem>();
        foreach (var o in overrides)
        {
            try
            {
                // The value lands Path.Count levels down: the result must still be a tree the readers accept.
                if (o.Path.Count + TreeShape.DepthOf(o.Value) > YamlReadOptions.Default.MaxDepth)
                {
                    throw new OverrideFailure($"the result would nest deeper than {YamlReadOptions.Default.MaxDepth} levels");
                }

                config = (ConfigMapping)ApplyAt(config, o, 0)!;
            }
            catch (OverrideFailure f)
            {
                problems.Add(new ValidationProblem(InputSanitizer.Sanitize(o.Key), $"{f.Message} (override '{InputSanitizer.Sanitize(o.Text)}')"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigValidationException(problems, "Could not apply overrides");
        }

        return config;
    }

    private static object? ApplyAt(object? node, ConfigOverride o, int depth)
    {
        var segment = o.Path[depth];
        var last = depth == o.Path.Count - 1;
        switch (node)
        {
            case ConfigMapping map:
                {
                    var key = FindKey(map, segment);
                    var exists = key is not null;
                    if (!last)
                    {
                        if (!exists)
                        {
                            if (o.Kind is OverrideKind.Add or OverrideKind.ForceAdd)
                            {
                                return map.With(segment, ApplyAt(ConfigMapping.Empty, o, depth + 1));
                            }

                            throw Failure(o);
                        }

                        return map.With(key!, ApplyAt(map[key!], o, depth + 1));
                    }

                    return ApplyLeaf(map, key, segment, o);
                }

            case ConfigSequence seq when int.TryParse(segment, out var index) && index >= 0 && index < seq.Count:
                if (!last)
                {
                    return seq.SetItem(index, ApplyAt(seq[index], o, depth + 1));
                }

                switch (o.Kind)
                {
                    case OverrideKind.Add:
                        throw new OverrideFailure($"could not append: an item is already at '{o.Key}'");
                    case OverrideKind.Delete:
                        CheckDeleteValue(seq[index], o);
                        return seq.RemoveAt(index);
                    default:
                        return seq.SetItem(index, MergeInto(seq[index], o.Value));
                }

            default:
                if (o.Kind is OverrideKind.Add or OverrideKind.ForceAdd && node is null)
                {
                    return ApplyAt(ConfigMapping.Empty, o, depth);
                }

                throw new OverrideFailure($"'{ConfigPath.Join(o.Path.Take(depth))}' is a {ConfigValues.TypeName(node)}, not a mapping");
        }
    }

    private static ConfigMapping ApplyLeaf(ConfigMapping map, object? key, string segment, ConfigOverride o)
    {
        switch (o.Kind)
        {
            case OverrideKind.Change when key is null:
                throw Failure(o);
            case OverrideKind.Add when key is not null:
                throw new OverrideFailure($"could not append: an item is already at '{o.Key}' (use ++{o.Key}=... to override)");
            case OverrideKind.Delete when key is null:
                throw new OverrideFailure($"could not delete: '{o.Key}' does not exist");
            case OverrideKind.Delete:
                CheckDeleteValue(map[key!], o);
                return map.Without(key!);
            default:
                return key is null ? map.With(segment, o.Value) : map.With(key, MergeInto(map[key], o.Value));
        }
    }

    private static void CheckDeleteValue(object? current, ConfigOverride o)
    {
        if (o.HasValue && !ConfigValues.DeepEquals(current, o.Value))
        {
            throw new OverrideFailure(
                $"could not delete: the value of '{o.Key}' is {InputSanitizer.Sanitize(ConfigValues.FormatScalar(current))}, not {InputSanitizer.Sanitize(ConfigValues.FormatScalar(o.Value))}");
        }
    }

    private static object? MergeInto(object? current, object? value) =>
        current is ConfigMapping c && value is ConfigMapping v ? ConfigMerger.Merge(c, v) : value;

    // Override keys are text; a config may have integer or boolean keys (YAML "0:"), matched by their text form.
    private static object? FindKey(ConfigMapping map, string segment)
    {
        if (map.FindKeyByText(segment) is { } key)
        {
            return key;
        }

        foreach (var (k, _) in map.Entries)
        {
            if (k is not string && ConfigPath.FormatKey(k) == segment)
            {
                return k;
            }
        }

        return null;
    }

    private static OverrideFailure Failure(ConfigOverride o) =>
        new($"could not override '{o.Key}': the key is not in the config (use +{o.Key}=... to add it)");

    private sealed class OverrideFailure(string message) : Exception(message);
}
