using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;

namespace TradAI.Config.Local.Storage;

/// <summary>
/// Maps config names to files under a store root, following one rule for list, read, write and delete: every path is
/// resolved to its real target (each symbolic link along it followed) and refused when that target lies outside the
/// store's real root. Links that stay inside work — a Kubernetes ConfigMap volume is made of exactly such links.
/// Extensions match in any letter case (<c>UP.YAML</c> is the config <c>UP</c>), as listing strips them.
/// </summary>
internal sealed class StorePaths(string root)
{
    // Linux gives up after 40 links on one path (ELOOP); so do we.
    private const int MaxLinks = 40;

    /// <summary>The root as given (absolute, not resolved).</summary>
    public string Root { get; } = root;

    /// <summary>The root with every link resolved (it need not exist yet).</summary>
    public string RealRoot => RealPath(Root);

    /// <summary>Whether <paramref name="realPath"/> (already resolved) is strictly inside the real root.</summary>
    public static bool IsInside(string realPath, string realRoot) =>
        realPath.StartsWith(realRoot.EndsWith(Path.DirectorySeparatorChar) ? realRoot : realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The file a config is stored in, or null when none exists: <c>{name}.yaml</c>, <c>{name}.yml</c>, then either
    /// extension in another letter case. Both paths are returned: the entry in its (real) folder, which delete
    /// removes, and its real target, which is read and written.
    /// </summary>
    /// <exception cref="ConfigValidationException">The name, or the file found, resolves outside the store.</exception>
    public (string Entry, string Target)? Locate(string cleanName)
    {
        var realRoot = RealRoot;
        var folder = FolderOf(cleanName, realRoot);
        var stem = Path.GetFileName(cleanName);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        foreach (var candidate in Candidates(folder, stem))
        {
            if (File.Exists(candidate))
            {
                var target = RealPath(candidate);
                return IsInside(target, realRoot) ? (candidate, target) : throw Outside(cleanName);
            }
        }

        return null;
    }

    /// <summary>Where a new config is written: <c>{name}.yaml</c> in the real folder of the name (created by the caller).</summary>
    /// <exception cref="ConfigValidationException">The name's folder resolves outside the store.</exception>
    public string NewFile(string cleanName) => Path.Combine(FolderOf(cleanName, RealRoot), Path.GetFileName(cleanName) + ".yaml");

    /// <summary>Resolves every symbolic link of an absolute path; components that do not exist are kept as they are.</summary>
    /// <exception cref="ConfigValidationException">More than 40 links, as in a loop.</exception>
    public static string RealPath(string path)
    {
        var budget = MaxLinks;
        return Resolve(Path.GetFullPath(path), ref budget);
    }

    private static string Resolve(string fullPath, ref int budget)
    {
        var current = Path.GetPathRoot(fullPath)!;
        foreach (var part in fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, part);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                current = next;
                continue;
            }

            if (--budget < 0)
            {
                throw new ConfigValidationException("name", $"too many symbolic links resolving '{InputSanitizer.Sanitize(fullPath)}' (a loop?)");
            }

            // A relative target is relative to the folder holding the link.
            current = Resolve(Path.GetFullPath(link, current), ref budget);
        }

        return current;
    }

    private string FolderOf(string cleanName, string realRoot)
    {
        var slash = cleanName.LastIndexOf('/');
        if (slash < 0)
        {
            return realRoot;
        }

        var folder = RealPath(Path.Combine(realRoot, cleanName[..slash]));
        return IsInside(folder, realRoot) ? folder : throw Outside(cleanName);
    }

    private static IEnumerable<string> Candidates(string folder, string stem)
    {
        yield return Path.Combine(folder, stem + ".yaml");
        yield return Path.Combine(folder, stem + ".yml");

        // Rare: UP.YAML, x.Yml. Scan only after the exact names missed; ordinal order keeps the choice stable.
        var others = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, stem + ".*", new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive }))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.Length is var n && (n == stem.Length + 5 || n == stem.Length + 4)
                && ConfigNames.HasExtension(fileName) && fileName != stem + ".yaml" && fileName != stem + ".yml")
            {
                others.Add(path);
            }
        }

        others.Sort(StringComparer.Ordinal);
        foreach (var path in others)
        {
            yield return path;
        }
    }

    private static ConfigValidationException Outside(string cleanName) =>
        new("name", $"invalid config name '{InputSanitizer.Sanitize(cleanName)}': it resolves outside the store (a symbolic link leads out of it)");
}
