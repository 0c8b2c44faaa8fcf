using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging.Grammar;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Merges config trees with OmegaConf 2.2's semantics: mappings merge recursively; scalars, <c>null</c> and lists
/// replace (a list replaces a list whole); a mapping and a list never merge into each other (an error, as in
/// OmegaConf); <c>???</c> never overwrites a value; merging a mapping into an interpolation that points at a mapping
/// merges into a copy of that mapping. Keys match as in Python (<c>1</c>, <c>1.0</c> and <c>true</c> are one key).
/// Other interpolations are copied as text; <see cref="InterpolationResolver"/> resolves them on the final result.
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
    /// <exception cref="ConfigValidationException">A mapping meets a list, a merged-into interpolation is malformed, or struct mode finds unknown keys.</exception>
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

    private static ConfigMapping MergeMapping(ConfigMapping dest, ConfigMapping src, bool structMode, string path, ref List<ValidationProblem>? problems, Frame? parent = null, object? key = null)
    {
        if (src.Count == 0)
        {
            return dest;
        }

        if (dest.Count == 0 && !structMode)
        {
            return src;
        }

        var frame = new Frame(parent, key, new KeyValuePair<object, object?>[dest.Count]);
        var result = frame.Result;
        dest.Entries.CopyTo(result);
        var changed = false;

        foreach (var (k, srcValue) in src.Entries)
        {
            var i = dest.IndexOf(k);
            if (i >= 0)
            {
                var destValue = result[i].Value;
                var mergedValue = MergeValue(destValue, srcValue, structMode, ConfigPath.Child(path, k), ref problems, frame, result[i].Key);
                if (!ReferenceEquals(mergedValue, destValue))
                {
                    result[i] = new(result[i].Key, mergedValue);
                    changed = true;
                }
            }
            else if (structMode)
            {
                (problems ??= []).Add(new ValidationProblem(InputSanitizer.Sanitize(ConfigPath.Child(path, k)), "key is not in the base config (struct mode)"));
            }
            else
            {
                (frame.Added ??= []).Add(new(k, srcValue));
            }
        }

        if (frame.Added is { } added)
        {
            var grown = new KeyValuePair<object, object?>[result.Length + added.Count];
            result.CopyTo(grown, 0);
            added.CopyTo(grown, result.Length);
            return new ConfigMapping(grown);
        }

        return changed ? new ConfigMapping(result) : dest;
    }

    private static object? MergeValue(object? dest, object? src, bool structMode, string path, ref List<ValidationProblem>? problems, Frame frame, object key)
    {
        if (dest is string text && text.Contains("${", StringComparison.Ordinal))
        {
            // OmegaConf parses the interpolation it merges into (a malformed one fails the merge), and when it points
            // at a mapping or list, merges into a copy of that node (rule 3): b: ${a} + b: {y: 2} gives b = a + {y: 2}.
            try
            {
                InterpolationParser.Parse(text);
            }
            catch (InterpolationSyntaxException ex)
            {
                throw new ConfigValidationException(InputSanitizer.Sanitize(path), ex.Message);
            }

            if (src is ConfigMapping or ConfigSequence or MissingValue &&
                frame.PathTo(key) is var at &&
                InterpolationResolver.DereferenceContainer(frame.Snapshot(), at, text) is { } target)
            {
                // The copy lands here: the result must stay a tree the readers accept, as overrides must.
                if (at.Count + TreeShape.DepthOf(target) > YamlReadOptions.Default.MaxDepth)
                {
                    throw new ConfigValidationException(InputSanitizer.Sanitize(path), $"merging into '{InputSanitizer.Sanitize(text)}' would nest deeper than {YamlReadOptions.Default.MaxDepth} levels");
                }

                dest = target;
            }
        }

        if (src is MissingValue)
        {
            // '???' marks a value still to be supplied; it never erases one that is there.
            return dest;
        }

        switch (dest, src)
        {
            case (ConfigMapping d, ConfigMapping s):
                return MergeMapping(d, s, structMode, path, ref problems, frame, key);
            case (ConfigMapping, ConfigSequence) or (ConfigSequence, ConfigMapping):
                // Rule 2: OmegaConf raises "Cannot merge DictConfig with ListConfig" either way round.
                throw new ConfigValidationException(InputSanitizer.Sanitize(path), $"cannot merge a {ConfigValues.TypeName(src)} into a {ConfigValues.TypeName(dest)} (OmegaConf merges a mapping or a list only into its own kind; replace it with null first)");
            default:
                return src;
        }
    }

    /// <summary>
    /// A mapping being merged, linked to the one it sits in: OmegaConf merges in place, so an interpolation met during
    /// a merge is resolved against the config as merged so far, which <see cref="Snapshot"/> rebuilds.
    /// </summary>
    private sealed class Frame(Frame? parent, object? key, KeyValuePair<object, object?>[] result)
    {
        public KeyValuePair<object, object?>[] Result { get; } = result;

        public List<KeyValuePair<object, object?>>? Added { get; set; }

        /// <summary>The whole config as it stands: this mapping's entries so far, placed in each enclosing one.</summary>
        public ConfigMapping Snapshot()
        {
            var current = Current();
            for (var f = this; f.Parent is { } p; f = p)
            {
                current = p.Current().With(f.Key!, current);
            }

            return current;
        }

        /// <summary>The path from the root to <paramref name="child"/>, a key of this mapping.</summary>
        public List<object> PathTo(object child)
        {
            var path = new List<object> { child };
            for (var f = this; f.Parent is not null; f = f.Parent)
            {
                path.Insert(0, f.Key!);
            }

            return path;
        }

        private Frame? Parent { get; } = parent;

        private object? Key { get; } = key;

        private ConfigMapping Current() => new([.. Result, .. Added ?? []]);
    }
}
