using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Validation;

/// <summary>Checks every config gets regardless of schema: leftover <c>???</c> values and required-field presence.</summary>
public static class ConfigChecks
{
    /// <summary>Paths of every value still marked missing (<c>???</c>).</summary>
    public static void FindMissing(object? value, string path, List<ValidationProblem> problems)
    {
        switch (value)
        {
            case MissingValue:
                problems.Add(new ValidationProblem(path, "missing mandatory value (???): supply it in an override"));
                break;
            case ConfigMapping m:
                foreach (var (k, v) in m.Entries)
                {
                    FindMissing(v, ConfigPath.Child(path, k), problems);
                }

                break;
            case ConfigSequence q:
                for (var i = 0; i < q.Count; i++)
                {
                    FindMissing(q[i], ConfigPath.Index(path, i), problems);
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
}
