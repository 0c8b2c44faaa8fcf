using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Repositories;

/// <summary>How <see cref="ConfigRepositoryExtensions.MergeAndUploadAsync"/> combines the stored config with updates.</summary>
public enum MergeMode
{
    /// <summary>Top-level keys of the updates replace whole values (the spec's merge_and_upload).</summary>
    Shallow,

    /// <summary>OmegaConf deep merge: nested mappings merge recursively.</summary>
    Deep,
}

/// <summary>Operations every store gets from the port's primitives.</summary>
public static class ConfigRepositoryExtensions
{
    /// <summary>
    /// Downloads a config, merges <paramref name="updates"/> into it, and uploads the result (SPEC §4.1 merge_and_upload).
    /// Nothing is written if the download, the merge or validation of the name fails.
    /// </summary>
    /// <returns>The config as stored after the merge.</returns>
    public static async Task<ConfigMapping> MergeAndUploadAsync(
        this IConfigRepository repository,
        string name,
        ConfigMapping updates,
        MergeMode mode = MergeMode.Shallow,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var current = await repository.DownloadAsync(name, cancellationToken).ConfigureAwait(false);
        var merged = MergeUpdates(current, updates, mode);
        await repository.UploadAsync(name, merged, cancellationToken).ConfigureAwait(false);
        return merged;
    }

    /// <summary>Combines a stored config with updates the way <see cref="MergeAndUploadAsync"/> does, without storing.</summary>
    public static ConfigMapping MergeUpdates(ConfigMapping current, ConfigMapping updates, MergeMode mode) =>
        mode == MergeMode.Deep ? ConfigMerger.Merge(current, updates) : ConfigMerger.ShallowMerge(current, updates);
}
