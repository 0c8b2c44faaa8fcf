using TradAI.Config.Core.Errors;
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
    /// A safe read-modify-write: reads the config (null when absent), computes the new document with
    /// <paramref name="change"/>, and writes it only if the store still holds what was read. A lost race re-reads and
    /// re-applies <paramref name="change"/> (so it must be a pure function of its input) after a jittered backoff.
    /// Whatever <paramref name="change"/> throws propagates and nothing is written.
    /// </summary>
    /// <returns>The document as stored.</returns>
    /// <exception cref="ConflictException">Every attempt lost a race; nothing was written.</exception>
    public static async Task<ConfigMapping> UpdateAsync(
        this IConfigRepository repository,
        string name,
        Func<ConfigMapping?, ConfigMapping> change,
        UpdateRetryOptions? retry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(change);
        retry ??= UpdateRetryOptions.Default;
        for (var attempt = 1; ; attempt++)
        {
            var read = await repository.TryDownloadAsync(name, cancellationToken).ConfigureAwait(false);
            var next = change(read?.Config);
            try
            {
                await repository.UploadAsync(name, next, WriteCondition.Unchanged(read), cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (PreconditionFailedException ex)
            {
                // Another writer won this round: back off, read its result and apply the change again.
                if (attempt >= retry.MaxAttempts)
                {
                    throw new ConflictException(
                        $"Config '{InputSanitizer.Sanitize(ConfigNames.StripExtension(name))}' kept changing under concurrent writers; gave up after {retry.MaxAttempts} attempts",
                        ex);
                }
            }

            await Task.Delay(retry.DelayBefore(attempt + 1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Downloads a config, merges <paramref name="updates"/> into it, and uploads the result (SPEC §4.1 merge_and_upload)
    /// as a safe read-modify-write (<see cref="UpdateAsync"/>): a concurrent writer's change is never lost.
    /// Nothing is written if the config is missing, or the merge or <paramref name="validate"/> fails.
    /// </summary>
    /// <param name="repository">The store.</param>
    /// <param name="name">The config.</param>
    /// <param name="updates">What to merge in.</param>
    /// <param name="mode">Shallow (the spec's) or deep merge.</param>
    /// <param name="validate">Throws to refuse a merged document; runs on every attempt.</param>
    /// <param name="cancellationToken">Cancels between attempts and requests.</param>
    /// <returns>The config as stored after the merge.</returns>
    /// <exception cref="NotFoundException">No config has that name.</exception>
    public static Task<ConfigMapping> MergeAndUploadAsync(
        this IConfigRepository repository,
        string name,
        ConfigMapping updates,
        MergeMode mode = MergeMode.Shallow,
        Action<ConfigMapping>? validate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return repository.UpdateAsync(name, current =>
        {
            var merged = MergeUpdates(current ?? throw new NotFoundException($"Config '{InputSanitizer.Sanitize(ConfigNames.StripExtension(name))}' not found"), updates, mode);
            validate?.Invoke(merged);
            return merged;
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Combines a stored config with updates the way <see cref="MergeAndUploadAsync"/> does, without storing.</summary>
    public static ConfigMapping MergeUpdates(ConfigMapping current, ConfigMapping updates, MergeMode mode) =>
        mode == MergeMode.Deep ? ConfigMerger.Merge(current, updates) : ConfigMerger.ShallowMerge(current, updates);
}
