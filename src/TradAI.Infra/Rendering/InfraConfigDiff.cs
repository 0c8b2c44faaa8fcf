using System.Text.RegularExpressions;
using TradAI.Deployment.Environments;
using TradAI.Infra.Model;

namespace TradAI.Infra.Rendering;

/// <summary>
/// The settings that differ between two resolved configs, computed from their flattened views (never a hand-kept
/// list). By default a value that differs only by its environment name (<c>tradai-configs-dev</c> vs
/// <c>tradai-configs-prod</c>) is not a difference.
/// </summary>
public static class InfraConfigDiff
{
    /// <summary>Differences in the left config's path order, then paths only the right has.</summary>
    public static IReadOnlyList<InfraDifference> Compare(InfraConfig left, InfraConfig right, bool includeNaming = false)
    {
        var leftValues = InfraConfigFlattener.Flatten(left);
        var rightValues = InfraConfigFlattener.Flatten(right).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var differences = new List<InfraDifference>();
        foreach (var (path, value) in leftValues)
        {
            seen.Add(path);
            if (!rightValues.TryGetValue(path, out var other))
            {
                differences.Add(new InfraDifference(path, value, null));
            }
            else if (value != other && (includeNaming || Normalize(value, left) != Normalize(other, right)))
            {
                differences.Add(new InfraDifference(path, value, other));
            }
        }

        differences.AddRange(InfraConfigFlattener.Flatten(right).Where(p => !seen.Contains(p.Key)).Select(p => new InfraDifference(p.Key, null, p.Value)));
        return differences;
    }

    private static string Normalize(string value, InfraConfig config) =>
        Regex.Replace(value, "-" + Regex.Escape(config.Env.ToName()) + "(?![a-z0-9])", "-{env}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
