using TradAI.Config.Core.Errors;
using TradAI.Settings.Fields;
using TradAI.Settings.Secrets;

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
        var fields = schema.Fields;
        var values = new SettingValues(fields.Count);
        var sources = new SettingSource[fields.Count];
        var display = new string[fields.Count];
        var valid = new bool[fields.Count];
        var problems = new List<ValidationProblem>();
        var indexOf = new Dictionary<SettingField, int>(fields.Count, ReferenceEqualityComparer.Instance);

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            indexOf[field] = i;
            var names = schema.EnvironmentNames[i];
            var (raw, source) = Find(inputs, names, schema.TreeKeys[i], field.Name);
            object? value;
            if (raw is null)
            {
                value = schema.DefaultFor(field, values);
                source = new SettingSource(SettingSourceKind.Default, null, null, field.DefaultNote);
                if (field.IsRequired && value is null)
                {
                    problems.Add(Problem(field, "is required", source, names, null));
                    display[i] = string.Empty;
                    sources[i] = source;
                    continue;
                }
            }
            else
            {
                var parsed = field.Convert(raw);
                if (!parsed.Ok)
                {
                    problems.Add(Problem(field, parsed.Error!, source!, names, RawText(raw)));
                    display[i] = field.IsSecret ? SecretString.Mask : RawText(raw);
                    sources[i] = source!;
                    continue;
                }

                value = parsed.Value;
            }

            sources[i] = source!;
            display[i] = value is null ? string.Empty : field.IsSecret ? SecretString.Mask : field.Format(value);
            if (field.Check(value) is { } error)
            {
                problems.Add(Problem(field, error, source!, names, display[i]));
                continue;
            }

            values.Set(field, value);
            valid[i] = true;
        }

        var context = new SettingsRuleContext(
            values,
            f => indexOf.TryGetValue(f, out var i) && sources[i].Kind != SettingSourceKind.Default,
            (f, reason) =>
            {
                var i = indexOf[f];
                valid[i] = false;
                problems.Add(Problem(f, reason, sources[i], schema.EnvironmentNames[i], display[i].Length == 0 ? null : display[i]));
            });
        foreach (var rule in schema.Rules)
        {
            rule(context);
        }

        var entries = new ResolvedSetting[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            entries[i] = new ResolvedSetting(fields[i], display[i], sources[i], schema.EnvironmentNames[i], valid[i]);
        }

        var settings = problems.Count == 0 ? schema.Create(values) : null;
        var filesRead = inputs.Files.Select(f => f.Path).ToArray();
        return new SettingsResolution(schema, entries, problems, settings, inputs.S3Source, inputs.S3?.Location, filesRead);
    }

    private static (object? Raw, SettingSource? Source) Find(LoadInputs inputs, string[] names, string[] treeKeys, string fieldName)
    {
        if (inputs.Code is { } code && code.TryGetValue(fieldName, out var fromCode) && fromCode is not null)
        {
            return (fromCode, new SettingSource(SettingSourceKind.Code, null, fieldName));
        }

        if (inputs.Tree is { } tree && FindInTree(tree, treeKeys) is { } fromTree)
        {
            return (fromTree.Raw, new SettingSource(SettingSourceKind.ConfigTree, tree.Location, fromTree.Key));
        }

        foreach (var name in names)
        {
            if (inputs.Environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v))
            {
                return (v, new SettingSource(SettingSourceKind.EnvironmentVariable, null, name));
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

    private static string RawText(object raw) => raw switch
    {
        string s => s,
        IReadOnlyList<string> items => "[" + string.Join(", ", items) + "]",
        _ => raw.ToString() ?? string.Empty,
    };

    /// <summary>"why (got 'x'; from env BACKEND_PORT)" or, for an unset field, "why (set BACKEND_X or X)". Secrets never show their value.</summary>
    private static ValidationProblem Problem(SettingField field, string reason, SettingSource source, string[] names, string? shownValue)
    {
        var got = field.IsSecret || string.IsNullOrEmpty(shownValue) ? string.Empty : $"got '{InputSanitizer.Sanitize(shownValue, 120)}'; ";
        var where = source.Kind == SettingSourceKind.Default
            ? $"{(got.Length > 0 ? source.ToString() + "; " : string.Empty)}set {string.Join(" or ", names)}"
            : "from " + InputSanitizer.Sanitize(source.ToString(), 300);
        return new ValidationProblem(field.Name, $"{reason} ({got}{where})");
    }
}
