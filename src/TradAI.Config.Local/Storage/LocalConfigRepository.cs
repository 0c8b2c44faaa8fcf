using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Local.Storage;

/// <summary>
/// The embedded default config store: one YAML file per config under a root folder
/// (<c>{root}/{name}.yaml</c>, <c>.yml</c> also read). Writes go to a temp file in the same folder,
/// are flushed to disk and renamed over the target, so readers never see a torn file.
/// </summary>
public sealed class LocalConfigRepository : IConfigRepository
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _root;
    private readonly YamlReadOptions _readOptions;

    /// <summary>Creates a store over <paramref name="rootDirectory"/> (created on first write).</summary>
    public LocalConfigRepository(string rootDirectory, YamlReadOptions? readOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        _readOptions = readOptions ?? YamlReadOptions.Default;
    }

    /// <summary>The folder the configs live in.</summary>
    public string RootDirectory => _root;

    public async Task<ConfigMapping> DownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        var path = FindExisting(clean) ?? throw NotFound(clean);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > _readOptions.MaxDocumentBytes)
            {
                throw new ConfigValidationException(clean, $"document is larger than the {_readOptions.MaxDocumentBytes:N0}-byte limit");
            }

            text = await File.ReadAllTextAsync(path, Utf8NoBom, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw NotFound(clean);
        }
        catch (DirectoryNotFoundException)
        {
            throw NotFound(clean);
        }
        catch (IOException ex)
        {
            throw IoFailure("read", clean, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw IoFailure("read", clean, ex);
        }

        return YamlConfigReader.ParseMapping(text, clean, _readOptions);
    }

    public async Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var clean = ConfigNames.Validate(name);
        var target = FindExisting(clean) ?? PathFor(clean, ".yaml");
        var yaml = ConfigYamlWriter.ToYaml(config);
        var directory = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                var bytes = Utf8NoBom.GetBytes(yaml);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            // rename(2) replaces the target atomically: a reader sees the old file or the new one, never half of one.
            File.Move(temp, target, overwrite: true);
        }
        catch (IOException ex)
        {
            throw IoFailure("write", clean, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw IoFailure("write", clean, ex);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_root))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            Collect(_root, string.Empty, names, cancellationToken);
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

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        return Task.FromResult(FindExisting(clean) is not null);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var clean = ConfigNames.Validate(name);
        var path = FindExisting(clean) ?? throw NotFound(clean);
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            throw IoFailure("delete", clean, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw IoFailure("delete", clean, ex);
        }

        return Task.CompletedTask;
    }

    private static void Collect(string directory, string prefix, SortedSet<string> names, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var fileName = Path.GetFileName(file);
            if (fileName.StartsWith('.'))
            {
                continue; // temp files and hidden files
            }

            if (fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                var name = prefix + ConfigNames.StripExtension(fileName);
                if (ConfigNames.Check(name) is null)
                {
                    names.Add(name);
                }
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var dirName = Path.GetFileName(sub);
            if (!dirName.StartsWith('.') && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
            {
                Collect(sub, prefix + dirName + "/", names, cancellationToken);
            }
        }
    }

    private string? FindExisting(string cleanName)
    {
        foreach (var ext in (ReadOnlySpan<string>)[".yaml", ".yml"])
        {
            var path = PathFor(cleanName, ext);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private string PathFor(string cleanName, string extension)
    {
        var full = Path.GetFullPath(Path.Combine(_root, cleanName + extension));
        // Defense in depth: names are validated, but never let a path escape the root.
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ConfigValidationException("name", $"invalid config name '{InputSanitizer.Sanitize(cleanName)}': it resolves outside the store");
        }

        return full;
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
