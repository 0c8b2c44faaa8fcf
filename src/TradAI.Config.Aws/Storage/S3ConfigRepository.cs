using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Aws.Storage;

/// <summary>
/// The cloud config store (SPEC §4.1): YAML documents at <c>s3://{bucket}/{prefix}{name}.yaml</c>.
/// Documents are parsed in memory, so nothing is left on local disk; the client is injected for tests and for
/// <see cref="Clients.AwsClientFactory"/>. Reads also find a legacy <c>.yml</c> key, writes always use <c>.yaml</c>.
/// </summary>
public sealed class S3ConfigRepository : IConfigRepository
{
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
        var key = Options.Prefix + stem + ".yaml";
        try
        {
            return await ReadAsync(stem, key, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            var legacy = Options.Prefix + stem + ".yml";
            if (!await ExistsKeyAsync(stem, legacy, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return await ReadAsync(stem, legacy, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task UploadAsync(string name, ConfigMapping config, CancellationToken cancellationToken = default)
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
        await CallAsync("upload", stem, key, () => _client.PutObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = Options.Bucket, Prefix = Options.Prefix, MaxKeys = Options.PageSize };
        var location = $"s3://{Options.Bucket}/{Options.Prefix}";
        while (true)
        {
            var page = await CallAsync("list", string.Empty, location, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            foreach (var entry in page.S3Objects ?? [])
            {
                var rest = entry.Key[Options.Prefix.Length..];
                if ((rest.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || rest.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    && ConfigNames.Check(rest) is null)
                {
                    names.Add(ConfigNames.StripExtension(rest));
                }
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                break;
            }

            request = new ListObjectsV2Request
            {
                BucketName = Options.Bucket,
                Prefix = Options.Prefix,
                MaxKeys = Options.PageSize,
                ContinuationToken = page.NextContinuationToken,
            };
        }

        return [.. names];
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        var stem = ConfigNames.Validate(name);
        return await ExistsKeyAsync(stem, Options.Prefix + stem + ".yaml", cancellationToken).ConfigureAwait(false)
            || await ExistsKeyAsync(stem, Options.Prefix + stem + ".yml", cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var stem = ConfigNames.Validate(name);

        // DeleteObject answers 204 for a missing key, so HEAD first to report "not found" honestly.
        var deleted = false;
        foreach (var key in new[] { Options.Prefix + stem + ".yaml", Options.Prefix + stem + ".yml" })
        {
            if (await ExistsKeyAsync(stem, key, cancellationToken).ConfigureAwait(false))
            {
                var request = new DeleteObjectRequest { BucketName = Options.Bucket, Key = key };
                await CallAsync("delete", stem, key, () => _client.DeleteObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
                deleted = true;
            }
        }

        if (!deleted)
        {
            throw new NotFoundException($"Config '{InputSanitizer.Sanitize(stem)}' not found (s3://{InputSanitizer.Sanitize(Options.Bucket)}/{InputSanitizer.Sanitize(KeyFor(stem), 300)})");
        }
    }

    private async Task<ConfigMapping> ReadAsync(string stem, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Options.Bucket, Key = key };
        var yaml = await CallAsync("download", stem, key, async () =>
        {
            using var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.ContentLength > _yamlOptions.MaxDocumentBytes)
            {
                throw new ConfigValidationException(
                    $"{InputSanitizer.Sanitize(stem)}: document is larger than the {_yamlOptions.MaxDocumentBytes:N0}-byte limit");
            }

            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }, cancellationToken).ConfigureAwait(false);
        return YamlConfigReader.ParseMapping(yaml, stem, _yamlOptions);
    }

    private async Task<bool> ExistsKeyAsync(string stem, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = Options.Bucket, Key = key };
        try
        {
            await CallAsync("check", stem, key, () => _client.GetObjectMetadataAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task<T> CallAsync<T>(string operation, string stem, string key, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not TradaiException
            && S3ErrorMapper.Map(ex, operation, key.StartsWith("s3://", StringComparison.Ordinal) ? key : $"s3://{Options.Bucket}/{key}", stem, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }
}
