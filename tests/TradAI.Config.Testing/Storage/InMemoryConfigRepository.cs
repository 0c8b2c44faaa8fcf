using System.Globalization;
using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Testing.Storage;

/// <summary>
/// A complete in-process IConfigRepository (it passes the same contract suite as the real stores),
/// for tests of code that sits above the port. It round-trips documents through YAML like a real store, and
/// conditional writes compare a per-write revision, under one lock.
/// </summary>
public sealed class InMemoryConfigRepository : IConfigRepository
{
    private readonly Dictionary<string, (byte[] Yaml, string ETag)> _documents = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _revision;

    public int Downloads;

    public async Task<ConfigMapping> DownloadAsync(string name, CancellationToken cancellationToken = default) =>
        (await TryDownloadAsync(name, cancellationToken).ConfigureAwait(false))?.Config ?? throw NotFound(ConfigNames.Validate(name));

    public Task<StoredConfig?> TryDownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        Interlocked.Increment(ref Downloads);
        (byte[] Yaml, string ETag) entry;
        lock (_lock)
        {
            if (!_documents.TryGetValue(clean, out entry))
            {
                return Task.FromResult<StoredConfig?>(null);
            }
        }

        return Task.FromResult<StoredConfig?>(new StoredConfig(YamlConfigReader.ParseMapping(Utf8Input.Decode(entry.Yaml, clean), clean), entry.ETag));
    }

    public Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default) =>
        UploadAsync(name, config, WriteCondition.None, cancellationToken);

    public Task<string> UploadAsync(string name, ConfigMapping config, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        var yaml = Encoding.UTF8.GetBytes(ConfigYamlWriter.ToYaml(config));
        lock (_lock)
        {
            var exists = _documents.TryGetValue(clean, out var current);
            if ((condition.MustBeAbsent && exists) || (condition.ETag is { } etag && (!exists || current.ETag != etag)))
            {
                throw new PreconditionFailedException($"Config '{InputSanitizer.Sanitize(clean)}' changed since it was read");
            }

            var tag = (++_revision).ToString(CultureInfo.InvariantCulture);
            _documents[clean] = (yaml, tag);
            return Task.FromResult(tag);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _documents.Keys.Order(StringComparer.Ordinal)]);
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        lock (_lock)
        {
            return Task.FromResult(_documents.ContainsKey(clean));
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        lock (_lock)
        {
            return _documents.Remove(clean) ? Task.CompletedTask : throw NotFound(clean);
        }
    }

    /// <summary>Stores raw YAML as-is (to test how readers handle malformed stored documents).</summary>
    public void PutRaw(string name, string yaml) => PutRaw(name, Encoding.UTF8.GetBytes(yaml));

    /// <summary>Stores raw bytes as-is (to test how readers handle malformed stored documents).</summary>
    public void PutRaw(string name, byte[] yaml)
    {
        lock (_lock)
        {
            _documents[name] = (yaml, (++_revision).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static NotFoundException NotFound(string clean) => new($"Config '{InputSanitizer.Sanitize(clean)}' not found");
}
