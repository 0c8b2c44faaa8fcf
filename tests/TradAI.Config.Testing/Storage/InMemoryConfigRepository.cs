using System.Collections.Concurrent;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Testing.Storage;

/// <summary>
/// A complete in-process IConfigRepository (it passes the same contract suite as the real stores),
/// for tests of code that sits above the port. It round-trips documents through YAML like a real store.
/// </summary>
public sealed class InMemoryConfigRepository : IConfigRepository
{
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    public int Downloads;

    public Task<ConfigMapping> DownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        Interlocked.Increment(ref Downloads);
        return _documents.TryGetValue(clean, out var yaml)
            ? Task.FromResult(YamlConfigReader.ParseMapping(yaml, clean))
            : throw new NotFoundException($"Config '{InputSanitizer.Sanitize(clean)}' not found");
    }

    public Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default)
    {
        _documents[ConfigNames.Validate(name)] = ConfigYamlWriter.ToYaml(config);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _documents.Keys.Order(StringComparer.Ordinal)]);

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.ContainsKey(ConfigNames.Validate(name)));

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        return _documents.TryRemove(clean, out _)
            ? Task.CompletedTask
            : throw new NotFoundException($"Config '{InputSanitizer.Sanitize(clean)}' not found");
    }

    /// <summary>Stores raw YAML as-is (to test how readers handle malformed stored documents).</summary>
    public void PutRaw(string name, string yaml) => _documents[name] = yaml;
}
