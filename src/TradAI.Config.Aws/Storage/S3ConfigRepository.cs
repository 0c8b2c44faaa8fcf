using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Aws.Storage;

/// <summary>
/// The cloud config store (SPEC §4.1): YAML documents at <c>s3://{bucket}/{prefix}{name}.yaml</c>.
/// Documents are parsed in memory, so nothing is left on local disk; the client is injected for tests and for
/// <see cref="Clients.AwsClientFactory"/>. Reads also find a legacy <c>.yml</c> key (or either extension in another
/// letter case); writes always use <c>.yaml</c>. Conditional writes are S3's own: <c>If-Match</c> with the ETag a read
/// returned, <c>If-None-Match: *</c> when nothing was there — one GET and one PUT per uncontended read-modify-write.
/// </summary>
public sealed class S3ConfigRepository : IConfigRepository
{
    // The entity tag of a config read from a legacy key: the .yaml key was absent, so a write expects it still is.
    private const string LegacyTagPrefix = "legacy-key:";

    private readonly IAmazonS3 _client;
    private readonly YamlReadOptions _yamlOptions;

    /// <param name="client">The S3 client (from <see cref="Clients.AwsClientFactory.CreateS3"/> in production).</param>
    /// <param name="options">Bucket, prefix and page size; validated here.</param>
    /// <param name="yamlOptions">Size and expansion limits for parsing; <see cref="YamlReadOptions.Default"/> when null.</param>
    public S3ConfigRepository(IAmazonS3 client, S3ConfigRepositoryOptions options, YamlReadOptions? yamlOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        Options = options.Validated();
        _yamlOptions = yamlOptions ?? YamlReadOptions.Default;
    }

    public S3ConfigRepositoryOptions Options { get; }

    /// <summary>
    /// A store with its own S3 client from <paramref name="aws"/> (region, profile, endpoint, credentials), for the CLI and
    /// services: <c>S3ConfigRepository.Create(AwsClientOptions.FromEnvironment("s3"), S3ConfigRepositoryOptions.FromEnvironment())</c>.
    /// </summary>
    public static S3ConfigRepository Create(Clients.AwsClientOptions aws, S3ConfigRepositoryOptions options) =>
        new(new Clients.AwsClientFactory(aws).CreateS3(), options);

    /// <summary>The object key a config name is stored under.</summary>
    public string KeyFor(string name) => Options.Prefix + ConfigNames.Validate(name) + ".yaml";

    public async Task<ConfigMapping> DownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        var stem = ConfigNames.Validate(name);
        return (await TryDownloadAsync(stem, cancellationToken).ConfigureAwait(false))?.Config ?? throw NotFound(stem);
    }

    public async Task<StoredConfig?> TryDownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        var stem = ConfigNames.Validate(name);
        var key = Options.Prefix + stem + ".yaml";
        var read = await TryReadAsync(stem, key, cancellationToken).ConfigureAwait(false);
        if (read is not null)
        {
            return read;
        }

        // Rare: a .yml (or .YAML ...) key. One listing finds every spelling.
        var legacy = (await FindKeysAsync(stem, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k != key);
        if (legacy is null || await TryReadAsync(stem, legacy, cancellationToken).ConfigureAwait(false) is not { } old)
        {
            return null;
        }

        return old with { ETag = LegacyTagPrefix + old.ETag };
    }

    public Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default) =>
        UploadAsync(name, config, WriteCondition.None, cancellationToken);

    public async Task<string> UploadAsync(string name, ConfigMapping config, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var stem = ConfigNames.Validate(name);
        var key = Options.Prefix + stem + ".yaml";

        // Serialize first: a value the writer rejects fails before anything reaches the bucket.
        var yaml = ConfigYamlWriter.ToYaml(config);
        var request = new PutObjectRequest
        {
            BucketName = Options.Bucket,
            Key = key,
            ContentBody = yaml,
            ContentType = "application/yaml; charset=utf-8",
        };
        if (condition.MustBeAbsent || condition.ETag?.StartsWith(LegacyTagPrefix, StringComparison.Ordinal) == true)
        {
            request.IfNoneMatch = "*";
        }
        else if (condition.ETag is { } etag)
        {
            request.IfMatch = etag;
        }

        try
        {
            var response = await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return response.ETag;
        }
        catch (AmazonS3Exception ex) when (!condition.IsNone && IsLostRace(ex))
        {
            throw new PreconditionFailedException(
                $"Config '{InputSanitizer.Sanitize(stem)}' changed since it was read (s3://{InputSanitizer.Sanitize(Options.Bucket)}/{InputSanitizer.Sanitize(key, 300)}: {ex.ErrorCode ?? ex.StatusCode.ToString()})", ex);
        }
        catch (Exception ex) when (ex is not TradaiException && Map(ex, "upload", stem, key, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var key in KeysAsync(Options.Prefix, string.Empty, cancellationToken).ConfigureAwait(false))
        {
            var rest = key[Options.Prefix.Length..];
            if (ConfigNames.HasExtension(rest) && ConfigNames.StripExtension(rest) is var name && ConfigNames.Check(name) is null)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>One listing request: a missing bucket is reported as such, not as a missing config.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        (await FindKeysAsync(ConfigNames.Validate(name), cancellationToken).ConfigureAwait(false)).Count > 0;

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var stem = ConfigNames.Validate(name);

        // DeleteObject answers 204 for a missing key, so list first to report "not found" honestly (and every spelling goes).
        var keys = await FindKeysAsync(stem, cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            throw NotFound(stem);
        }

        foreach (var key in keys)
        {
            var request = new DeleteObjectRequest { BucketName = Options.Bucket, Key = key };
            await CallAsync("delete", stem, key, () => _client.DeleteObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    // 412: the ETag no longer matches, or a key exists where none was expected; 409: a concurrent conditional write won;
    // 404 on If-Match: the object was deleted since it was read.
    private static bool IsLostRace(AmazonS3Exception ex) =>
        ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict
        || ex.ErrorCode is "PreconditionFailed" or "ConditionalRequestConflict"
        || (ex.ErrorCode == "NoSuchKey");

    private async Task<StoredConfig?> TryReadAsync(string stem, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Options.Bucket, Key = key };
        try
        {
            using var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            var limit = _yamlOptions.MaxDocumentBytes;
            if (response.ContentLength > limit)
            {
                throw Utf8Input.TooLarge(stem, limit);
            }

            var yaml = await Utf8Input.ReadAsync(response.ResponseStream, limit, stem, cancellationToken).ConfigureAwait(false);
            return new StoredConfig(YamlConfigReader.ParseMapping(yaml, stem, _yamlOptions), response.ETag);
        }
        catch (AmazonS3Exception ex) when (S3ErrorMapper.IsMissingKey(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is not TradaiException && Map(ex, "download", stem, key, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    // Every key that spells this config: {prefix}{stem}.yaml / .yml in any letter case, .yaml first.
    private async Task<List<string>> FindKeysAsync(string stem, CancellationToken cancellationToken)
    {
        var keys = new List<string>(1);
        var start = Options.Prefix + stem + ".";
        await foreach (var key in KeysAsync(start, stem, cancellationToken).ConfigureAwait(false))
        {
            var rest = key[start.Length..];
            if (rest.Equals("yaml", StringComparison.OrdinalIgnoreCase) || rest.Equals("yml", StringComparison.OrdinalIgnoreCase))
            {
                keys.Add(key);
            }
        }

        keys.Sort((a, b) => Rank(a).CompareTo(Rank(b)) is var r && r != 0 ? r : string.CompareOrdinal(a, b));
        return keys;

        int Rank(string key) => key.EndsWith(".yaml", StringComparison.Ordinal) ? 0 : key.EndsWith(".yml", StringComparison.Ordinal) ? 1 : 2;
    }

    private async IAsyncEnumerable<string> KeysAsync(string prefix, string stem, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var location = $"s3://{Options.Bucket}/{prefix}";
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = Options.Bucket, Prefix = prefix, MaxKeys = Options.PageSize, ContinuationToken = token };
            var page = await CallAsync("list", stem, location, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.S3Objects ?? [])
            {
                yield return entry.Key;
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private NotFoundException NotFound(string stem) =>
        new($"Config '{InputSanitizer.Sanitize(stem)}' not found (s3://{InputSanitizer.Sanitize(Options.Bucket)}/{InputSanitizer.Sanitize(Options.Prefix + stem + ".yaml", 300)})");

    private TradaiException? Map(Exception ex, string operation, string stem, string key, CancellationToken cancellationToken) =>
        S3ErrorMapper.Map(ex, operation, key.StartsWith("s3://", StringComparison.Ordinal) ? key : $"s3://{Options.Bucket}/{key}", stem, cancellationToken);

    private async Task<T> CallAsync<T>(string operation, string stem, string key, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not TradaiException && Map(ex, operation, stem, key, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }
}
