using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// The structural difference between two configs: the leaf-most paths that were added, removed or changed.
/// Mappings are compared key by key, lists item by item; numbers compare by value (<c>5</c> equals <c>5.0</c>,
/// as their canonical JSON — and so their hash — does).
/// </summary>
/// <param name="FromConfigId">The older side's id (or a label).</param>
/// <param name="ToConfigId">The newer side's id (or a label).</param>
/// <param name="Entries">Differences in document order.</param>
public sealed record ConfigDiff(string FromConfigId, string ToConfigId, IReadOnlyList<ConfigDiffEntry> Entries)
{
    /// <summary>Whether the two configs have the same content.</summary>
    public bool IsEmpty => Entries.Count == 0;

    /// <summary>Compares two configs.</summary>
    public static ConfigDiff Compute(ConfigMapping from, ConfigMapping to, string fromLabel = "from", string toLabel = "to")
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var entries = new List<ConfigDiffEntry>();
        Compare(from, to, string.Empty, entries);
        return new ConfigDiff(fromLabel, toLabel, entries);
    }

    private static void Compare(object? a, object? b, string path, List<ConfigDiffEntry> entries)
    {
        switch (a)
        {
            case ConfigMapping ma when b is ConfigMapping mb:
                foreach (var (key, value) in ma.Entries)
                {
                    var child = ConfigPath.Child(path, key);
                    if (mb.TryGetValue(key, out var other))
                    {
                        Compare(value, other, child, entries);
                    }
                    else
                    {
                        entries.Add(new ConfigDiffEntry(child, ConfigDiffKind.Removed, value, null));
                    }
                }

                foreach (var (key, value) in mb.Entries)
                {
                    if (!ma.ContainsKey(key))
                    {
                        entries.Add(new ConfigDiffEntry(ConfigPath.Child(path, key), ConfigDiffKind.Added, null, value));
                    }
                }

                break;
            case ConfigSequence sa when b is ConfigSequence sb:
                var common = Math.Min(sa.Count, sb.Count);
                for (var i = 0; i < common; i++)
                {
                    Compare(sa[i], sb[i], ConfigPath.Index(path, i), entries);
                }

                for (var i = common; i < sa.Count; i++)
                {
                    entries.Add(new ConfigDiffEntry(ConfigPath.Index(path, i), ConfigDiffKind.Removed, sa[i], null));
                }

                for (var i = common; i < sb.Count; i++)
                {
                    entries.Add(new ConfigDiffEntry(ConfigPath.Index(path, i), ConfigDiffKind.Added, null, sb[i]));
                }

                break;
            default:
                if (!ScalarEquals(a, b))
                {
                    entries.Add(new ConfigDiffEntry(path, ConfigDiffKind.Changed, a, b));
                }

                break;
        }
    }

    private static bool ScalarEquals(object? a, object? b) => (a, b) switch
    {
        (long la, double db) => la == db,
        (double da, long lb) => da == lb,
        _ => ConfigValues.DeepEquals(a, b),
    };
}
