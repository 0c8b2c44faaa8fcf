using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Repositories;

/// <summary>
/// A store of named YAML config documents (SPEC §4.1): the local folder by default, S3 in the cloud.
/// Names are validated by <see cref="ConfigNames"/>; implementations map their failures onto the typed errors.
/// Writes are atomic; conditional writes (<see cref="WriteCondition"/>) make every read-modify-write safe against
/// concurrent writers (<see cref="ConfigRepositoryExtensions.UpdateAsync"/>).
/// </summary>
public interface IConfigRepository
{
    /// <summary>Reads and parses a config.</summary>
    /// <exception cref="Errors.NotFoundException">No config has that name.</exception>
    /// <exception cref="Errors.ConfigValidationException">The name is invalid or the stored YAML is malformed.</exception>
    Task<ConfigMapping> DownloadAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads and parses a config with its entity tag, or returns null when no config has that name.</summary>
    /// <exception cref="Errors.ConfigValidationException">The name is invalid or the stored YAML is malformed.</exception>
    Task<StoredConfig?> TryDownloadAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Serializes and stores a config atomically, replacing whatever is stored.</summary>
    Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default);

    /// <summary>Serializes and stores a config atomically, if <paramref name="condition"/> holds.</summary>
    /// <returns>The entity tag of the stored document.</returns>
    /// <exception cref="Errors.PreconditionFailedException">The condition does not hold; nothing was written.</exception>
    Task<string> UploadAsync(string name, ConfigMapping config, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Names of every stored config, sorted ordinally, <c>.yaml</c>/<c>.yml</c> stripped.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether a config with this name exists.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a config.</summary>
    /// <exception cref="Errors.NotFoundException">No config has that name.</exception>
    Task DeleteAsync(string name, CancellationToken cancellationToken = default);
}
