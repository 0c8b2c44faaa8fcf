using System.Security.Cryptography;
using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Local.Storage;

/// <summary>
/// The embedded default config store: one YAML file per config under a root folder (<c>{root}/{name}.yaml</c>;
/// <c>.yml</c> and other letter cases are read too). Writes go to a temp file in the same folder, are flushed to disk
/// and renamed over the target, so readers never see a torn file. Every write takes the config's file lock
/// (<see cref="ConfigFileLock"/>), under which a conditional write compares the stored bytes' fingerprint — the entity
/// tag — with the one the caller read. Paths never lead out of the root, symbolic links included (<see cref="StorePaths"/>).
/// </summary>
public sealed class LocalConfigRepository : IConfigRepository
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StorePaths _paths;
    private readonly YamlReadOptions _readOptions;

    /// <summary>Creates a store over <paramref name="rootDirectory"/> (created on first write).</summary>
    /// <param name="rootDirectory">The folder of the configs.</param>
    /// <param name="readOptions">Size, expansion and nesting limits for reading documents.</param>
    /// <param name="lockTimeout">How long a writer waits for another writer of the same config (default 10 s).</param>
    public LocalConfigRepository(string rootDirectory, YamlReadOptions? readOptions = null, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _paths = new StorePaths(Path.GetFullPath(rootDirectory));
        _readOptions = readOptions ?? YamlReadOptions.Default;
        LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>The folder the configs live in.</summary>
    public string RootDirectory => _paths.Root;

    /// <summary>How long a writer waits for the lock another writer of the same config holds.</summary>
    public TimeSpan LockTimeout { get; }

    public async Task<ConfigMapping> DownloadAsync(string name, CancellationToken cancellationToken = default) =>
        (await TryDownloadAsync(name, cancellationToken).ConfigureAwait(false))?.Config ?? throw NotFound(ConfigNames.Validate(name));

    public async Task<StoredConfig?> TryDownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        var file = Locate(clean);
        if (file is null)
        {
            return null;
        }

        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = await Utf8Input.ReadFileBytesAsync(file.Value.Target, _readOptions.MaxDocumentBytes, clean, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // deleted between locating and reading
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw IoFailure("read", clean, ex);
        }

        var config = YamlConfigReader.ParseMapping(Utf8Input.Decode(bytes.Span, clean), clean, _readOptions);
        return new StoredConfig(config, ETagOf(bytes.Span));
    }

    public Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default) =>
        UploadAsync(name, config, WriteCondition.None, cancellationToken);

    public async Task<string> UploadAsync(string name, ConfigMapping config, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var clean = ConfigNames.Validate(name);

        // Serialize first: a value the writer rejects fails before anything is touched.
        var bytes = Utf8NoBom.GetBytes(ConfigYamlWriter.ToYaml(config));
        var realRoot = _paths.RealRoot;
        try
        {
            Directory.CreateDirectory(realRoot);
            using var held = await ConfigFileLock.AcquireAsync(realRoot, clean, LockTimeout, cancellationToken).ConfigureAwait(false);
            var existing = Locate(clean);
            await CheckAsync(clean, existing?.Target, condition, cancellationToken).ConfigureAwait(false);
            var target = existing?.Target ?? _paths.NewFile(clean);
            await WriteAtomicallyAsync(target, bytes, cancellationToken).ConfigureAwait(false);
            return ETagOf(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw IoFailure("write", clean, ex);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var realRoot = _paths.RealRoot;
        if (!Directory.Exists(realRoot))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            Collect(realRoot, realRoot, string.Empty, names, [realRoot], cancellationToken);
        }
        catch (IOException ex)
        {
            throw new ExternalServiceException("filesystem", $"Could not list the config folder: {ex.GetType().Name}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ExternalServiceException("filesystem", "Access denied listing the config folder", ex);
        }

        return Task.FromResult<IReadOnlyList<string>>([.. names]);
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locate(ConfigNames.Validate(name)) is not null);

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        var realRoot = _paths.RealRoot;
        try
        {
            if (!Directory.Exists(realRoot))
            {
                throw NotFound(clean);
            }

            using var held = await ConfigFileLock.AcquireAsync(realRoot, clean, LockTimeout, cancellationToken).ConfigureAwait(false);

            // The entry goes, not what a link inside the store points at (as rm does).
            File.Delete((Locate(clean) ?? throw NotFound(clean)).Entry);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw IoFailure("delete", clean, ex);
        }
    }

    /// <summary>The entity tag of stored bytes: a SHA-256 fingerprint of the file.</summary>
    private static string ETagOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];

    private (string Entry, string Target)? Locate(string clean)
    {
        try
        {
            return _paths.Locate(clean);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw IoFailure("find", clean, ex);
        }
    }

    private async Task CheckAsync(string clean, string? current, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (condition.IsNone)
        {
            return;
        }

        if (current is null)
        {
            if (condition.MustBeAbsent)
            {
                return;
            }

            throw new PreconditionFailedException($"Config '{InputSanitizer.Sanitize(clean)}' was deleted since it was read");
        }

        if (condition.MustBeAbsent)
        {
            throw new PreconditionFailedException($"Config '{InputSanitizer.Sanitize(clean)}' exists already");
        }

        string stored;
        try
        {
            stored = ETagOf((await Utf8Input.ReadFileBytesAsync(current, _readOptions.MaxDocumentBytes, clean, cancellationToken).ConfigureAwait(false)).Span);
        }
        catch (ConfigValidationException)
        {
            stored = string.Empty; // too large to have been read: it cannot be what the caller read
        }

        if (!string.Equals(stored, condition.ETag, StringComparison.Ordinal))
        {
            throw new PreconditionFailedException($"Config '{InputSanitizer.Sanitize(clean)}' changed since it was read");
        }
    }

    private static async Task WriteAtomicallyAsync(string target, byte[] bytes, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(directory, $".tradai-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            // rename(2) replaces the target atomically: a reader sees the old file or the new one, never half of one.
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    // 'branch' holds the real folders from the root down to here: a link back into one of them is a loop, not a folder.
    private static void Collect(string directory, string realRoot, string prefix, SortedSet<string> names, List<string> branch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var fileName = Path.GetFileName(file);
            if (fileName.StartsWith('.') || !ConfigNames.HasExtension(fileName))
            {
                continue; // temp, lock and hidden files
            }

            var name = prefix + ConfigNames.StripExtension(fileName);
            if (ConfigNames.Check(name) is null && StorePaths.IsInside(StorePaths.RealPath(file), realRoot))
            {
                names.Add(name);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var dirName = Path.GetFileName(sub);
            var real = StorePaths.RealPath(sub);
            if (dirName.StartsWith('.') || !StorePaths.IsInside(real, realRoot) || branch.Contains(real) || branch.Count >= YamlReadOptions.Default.MaxDepth)
            {
                continue;
            }

            branch.Add(real);
            Collect(sub, realRoot, prefix + dirName + "/", names, branch, cancellationToken);
            branch.RemoveAt(branch.Count - 1);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static NotFoundException NotFound(string name) =>
        new($"Config '{InputSanitizer.Sanitize(name)}' not found");

    private static ExternalServiceException IoFailure(string operation, string name, Exception ex) =>
        new("filesystem", $"Could not {operation} config '{InputSanitizer.Sanitize(name)}': {ex.GetType().Name}", ex);
}
