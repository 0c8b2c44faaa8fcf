using TradAI.Config.Core.Errors;

namespace TradAI.Settings.Loading;

/// <summary>
/// Resolves every field of a schema from prepared inputs, in priority order
/// code &gt; config tree &gt; environment &gt; env files &gt; S3_CONFIG &gt; default, then runs the field checks and
/// the cross-field rules and collects every problem (with the variables that set the field) before building.
/// </summary>
internal static class SettingsResolver
{
    public static SettingsResolution Run(SettingsSchema schema, LoadInputs inputs)
    {
        var state = new State(schema);
        var fields = schema.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var (raw, source) = Find(inputs, schema.EnvironmentNames[i], schema.NameOffsets[i], schema.TreeKeys[i], field.Name);
            object? value;
            if (raw is null)
            {
                value = schema.DefaultFor(field, state.Values);
                state.Sources[i] = schema.DefaultSources[i];
                state.Shown[i] = value;
                if (field.IsRequired && value is null)
                {
                    state.Fail(i, "is required");
                    continue;
                }
            }
            else
            {
                state.Sources[i] = source!;
                var parsed = field.Convert(raw);
                if (!parsed.Ok)
                {
                    state.Shown[i] = raw;
                    state.RawText[i] = true;
                    state.Fail(i, parsed.Error!);
                    continue;
                }

                value = parsed.Value;
                state.Shown[i] = value;
            }

            if (field.Check(value) is { } error)
            {
                state.Fail(i, error);
                continue;
            }

            state.Values.Set(field, value);
            state.Valid[i] = true;
        }

        if (schema.Rules.Count > 0)
        {
            var context = new SettingsRuleContext(
                state.Values,
                f => schema.IndexOf.TryGetValue(f, out var i) && state.Sources[i].Kind != SettingSourceKind.Default,
                (f, reason) => state.Fail(schema.IndexOf[f], reason));
            foreach (var rule in schema.Rules)
            {
                rule(context);
            }
        }

        var entries = new ResolvedSetting[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            entries[i] = new ResolvedSetting(fields[i], state.Shown[i], state.RawText[i], state.Sources[i], schema.EnvironmentNames[i], state.Valid[i]);
        }

        var problems = (IReadOnlyList<ValidationProblem>?)state.Problems ?? [];
        var settings = problems.Count == 0 ? schema.Create(state.Values) : null;
        string[] filesRead = inputs.Files.Count == 0 ? [] : inputs.Files.Select(f => f.Path).ToArray();
        return new SettingsResolution(schema, entries, problems, settings, inputs.S3Source, inputs.S3?.Location, filesRead);
    }

    private static (object? Raw, SettingSource? Source) Find(LoadInputs inputs, string[] names, int slotOffset, string[] treeKeys, string fieldName)
    {
        if (inputs.Code is { } code && code.TryGetValue(fieldName, out var fromCode) && fromCode is not null)
        {
            return (fromCode, new SettingSource(SettingSourceKind.Code, null, fieldName));
        }

        if (inputs.Tree is { } tree && FindInTree(tree, treeKeys) is { } fromTree)
        {
            return (fromTree.Raw, new SettingSource(SettingSourceKind.ConfigTree, tree.Location, fromTree.Key));
        }

        for (var r = 0; r < names.Length; r++)
        {
            if (inputs.EnvironmentSlots[slotOffset + r] is { } v)
            {
                return (v, new SettingSource(SettingSourceKind.EnvironmentVariable, null, names[r]));
            }
        }

        foreach (var (path, fileValues) in inputs.Files)
        {
            foreach (var name in names)
            {
                if (fileValues.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v))
                {
                    return (v, new SettingSource(SettingSourceKind.EnvFile, path, name));
                }
            }
        }

        if (inputs.S3 is { } s3 && FindInTree(s3, treeKeys) is { } fromS3)
        {
            return (fromS3.Raw, new SettingSource(SettingSourceKind.S3Config, s3.Location, fromS3.Key));
        }

        return (null, null);
    }

    private static (object Raw, string Key)? FindInTree(Sources.FlatConfig tree, string[] keys)
    {
        foreach (var key in keys)
        {
            if (tree.TryGet(key, out var raw))
            {
                return (raw, key);
            }
        }

        return null;
    }

    /// <summary>Per-load bookkeeping, indexed like the schema's fields.</summary>
    private sealed class State(SettingsSchema schema)
    {
        public SettingValues Values { get; } = new(schema.Fields.Count);

        public SettingSource[] Sources { get; } = new SettingSource[schema.Fields.Count];

        public object?[] Shown { get; } = new object?[schema.Fields.Count];

        public bool[] RawText { get; } = new bool[schema.Fields.Count];

        public bool[] Valid { get; } = new bool[schema.Fields.Count];

        public List<ValidationProblem>? Problems { get; private set; }

        /// <summary>"why (got 'x'; from env BACKEND_PORT)" or, for an unset field, "why (set BACKEND_X or X)". Secrets never show their value.</summary>
        public void Fail(int i, string reason)
        {
            Valid[i] = false;
            var field = schema.Fields[i];
            var source = Sources[i];
            var shown = ResolvedSetting.Display(field, Shown[i], RawText[i]);
            var got = field.IsSecret || shown.Length == 0 ? string.Empty : $"got '{InputSanitizer.Sanitize(shown, 120)}'; ";
            var where = source.Kind == SettingSourceKind.Default
                ? $"{(got.Length > 0 ? source + "; " : string.Empty)}set {string.Join(" or ", schema.EnvironmentNames[i])}"
                : "from " + InputSanitizer.Sanitize(source.ToString(), 300);
            (Problems ??= []).Add(new ValidationProblem(field.Name, $"{reason} ({got}{where})"));
        }
    }
}
