using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Validation;

/// <summary>Checks every config gets regardless of schema: leftover <c>???</c> values and required-field presence.</summary>
public static class ConfigChecks
{
    /// <summary>Paths of every value still marked missing (<c>???</c>).</summary>
    public static void FindMissing(object? value, string path, List<ValidationProblem> problems)
    {
        // Paths are only built for hits: this runs on every load and most documents have none.
        if (value is ConfigMapping or ConfigSequence)
        {
            var at = new List<object>();
            Walk(value, at, path, problems);
        }
        else if (value is MissingValue)
        {
            problems.Add(new ValidationProblem(path, MissingMessage));
        }
    }

    private const string MissingMessage = "missing mandatory value (???): supply it in an override";

    private static void Walk(object? value, List<object> at, string root, List<ValidationProblem> problems)
    {
        switch (value)
        {
            case MissingValue:
                var relative = ConfigPath.Join(at);
                problems.Add(new ValidationProblem(root.Length == 0 ? relative : relative.Length == 0 ? root : relative.StartsWith('[') ? root + relative : root + "." + relative, MissingMessage));
                break;
            case ConfigMapping m:
                foreach (var (k, v) in m.Entries)
                {
                    if (v is ConfigMapping or ConfigSequence or MissingValue)
                    {
                        at.Add(k);
                        Walk(v, at, root, problems);
                        at.RemoveAt(at.Count - 1);
                    }
                }

                break;
            case ConfigSequence q:
                for (var i = 0; i < q.Count; i++)
                {
                    if (q[i] is ConfigMapping or ConfigSequence or MissingValue)
                    {
                        at.Add(i);
                        Walk(q[i], at, root, problems);
                        at.RemoveAt(at.Count - 1);
                    }
                }

                break;
        }
    }

    /// <summary>Reports each dotted path in <paramref name="requiredFields"/> that is absent or null.</summary>
    public static void CheckRequired(ConfigMapping config, IEnumerable<string> requiredFields, List<ValidationProblem> problems)
    {
        foreach (var field in requiredFields)
        {
            object? current = config;
            foreach (var part in field.Split('.'))
            {
                current = current is ConfigMapping m && m.TryGetValue(part, out var v) ? v : null;
            }

            if (current is null)
            {
                problems.Add(new ValidationProblem(field, "required field is missing"));
            }
        }
    }

    /// <summary>
    /// Every check a config gets before it is used or goes live: leftover <c>???</c>, required fields, then the schema.
    /// </summary>
    /// <exception cref="ConfigValidationException">Every problem found, each with its path (first per path).</exception>
    public static void Validate(ConfigMapping config, IEnumerable<string> requiredFields, IConfigSchema? schema, string? summary = null)
    {
        var problems = new List<ValidationProblem>();
        FindMissing(config, string.Empty, problems);
        CheckRequired(config, requiredFields, problems);
        if (schema is not null)
        {
            problems.AddRange(schema.Validate(config));
        }

        if (problems.Count > 0)
        {
            throw new ConfigValidationException(Deduplicate(problems), summary);
        }
    }

    /// <summary>Keeps the first problem reported for each path (a missing value is not also a type error).</summary>
    public static IReadOnlyList<ValidationProblem> Deduplicate(List<ValidationProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return problems.Where(p => seen.Add(p.Path)).ToList();
    }
}
