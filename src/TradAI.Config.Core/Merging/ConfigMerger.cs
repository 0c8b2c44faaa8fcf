using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Merges config trees with OmegaConf's semantics: mappings merge recursively, everything else
/// (lists included) is replaced by the later source, <c>null</c> replaces, <c>???</c> never overwrites a value.
/// Interpolations are copied as text; <see cref="InterpolationResolver"/> resolves them on the final result.
/// </summary>
public static class ConfigMerger
{
    /// <summary>Deep-merges <paramref name="sources"/> left to right; later sources win.</summary>
    /// <exception cref="ConfigValidationException">Struct mode is on and a source adds unknown keys (all are listed).</exception>
    public static ConfigMapping Merge(IEnumerable<ConfigMapping> sources, MergeOptions? options = null)
    {
        ConfigMapping? result = null;
        foreach (var source in sources)
        {
            result = result is null ? source : Merge(result, source, options);
        }

        return result ?? ConfigMapping.Empty;
    }

    /// <summary>Deep-merges <paramref name="overrides"/> onto <paramref name="baseConfig"/>.</summary>
    public static ConfigMapping Merge(ConfigMapping baseConfig, ConfigMapping overrides, MergeOptions? options = null)
    {
        options ??= MergeOptions.Default;
        List<ValidationProblem>? problems = null;
        var merged = MergeMapping(baseConfig, overrides, options.StructMode, string.Empty, ref problems);
        if (problems is not null)
        {
            throw new ConfigValidationException(problems, "Struct mode: the overrides set keys the base config does not have");
        }

        return merged;
    }

    /// <summary>
    /// The spec's merge-and-upload merge: top-level keys of <paramref name="updates"/> replace the base's whole values.
    /// </summary>
    public static ConfigMapping ShallowMerge(ConfigMapping baseConfig, ConfigMapping updates)
    {
        var result = baseConfig;
        foreach (var (k, v) in updates.Entries)
        {
            if (v is MissingValue && result.ContainsKey(k))
            {
                continue;
            }

            result = result.With(k, v);
        }

        return result;
    }

    private static ConfigMapping MergeMapping(ConfigMapping dest, ConfigMapping src, bool structMode, string path, ref List<ValidationProblem>? problems)
    {
        if (src.Count == 0)
        {
            return dest;
        }

        if (dest.Count == 0 && !structMode)
        {
            return src;
        }

        var changed = false;
        var result = new KeyValuePair<object, object?>[dest.Count];
        dest.Entries.CopyTo(result);
        List<KeyValuePair<object, object?>>? added = null;

        foreach (var (key, srcValue) in src.Entries)
        {
            var i = dest.IndexOf(key);
            if (i >= 0)
            {
                var destValue = result[i].Value;
                var mergedValue = MergeValue(destValue, srcValue, structMode, ConfigPath.Child(path, key), ref problems);
                if (!ReferenceEquals(mergedValue, destValue))
                {
                    result[i] = new(result[i].Key, mergedValue);
                    changed = true;
                }
            }
            else if (structMode)
            {
                (problems ??= []).Add(new ValidationProblem(ConfigPath.Child(path, key), "key is not in the base config (struct mode)"));
            }
            else
            {
                (added ??= []).Add(new(key, srcValue));
            }
        }

        if (added is not null)
        {
            var grown = new KeyValuePair<object, object?>[result.Length + added.Count];
            result.CopyTo(grown, 0);
            added.CopyTo(grown, result.Length);
            return new ConfigMapping(grown);
        }

        return changed ? new ConfigMapping(result) : dest;
    }

    private static object? MergeValue(object? dest, object? src, bool structMode, string path, ref List<ValidationProblem>? problems)
    {
        if (src is MissingValue)
        {
            // '???' marks a value still to be supplied; it never erases one that is there.
            return dest;
        }

        if (dest is ConfigMapping d && src is ConfigMapping s)
        {
            return MergeMapping(d, s, structMode, path, ref problems);
        }

        return src;
    }
}
