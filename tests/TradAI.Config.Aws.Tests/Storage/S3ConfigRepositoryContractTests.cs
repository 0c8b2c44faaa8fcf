using Amazon.S3;
using Amazon.S3.Model;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>The S3 store passes the repository contract on fauxqs, which ignores write preconditions (those tests skip here).</summary>
public sealed class S3ConfigRepositoryContractTests(S3BucketFixture bucket) : S3ContractBase(bucket.Client, bucket.Bucket), IClassFixture<S3BucketFixture>
{
    protected override bool HonoursPreconditions => false;
}

/// <summary>The S3 store passes the whole repository contract on moto, an independent S3 that honours If-Match / If-None-Match.</summary>
public sealed class S3ConfigRepositoryMotoContractTests(MotoS3BucketFixture bucket) : S3ContractBase(bucket.Client, bucket.Bucket), IClassFixture<MotoS3BucketFixture>;

/// <summary>The contract on one emulator bucket, each test under its own prefix.</summary>
public abstract class S3ContractBase(IAmazonS3 client, string bucketName) : ConfigRepositoryContract
{
    protected override Task<IConfigRepository> CreateStoreAsync() =>
        Task.FromResult<IConfigRepository>(new S3ConfigRepository(
            client,
            new S3ConfigRepositoryOptions { Bucket = bucketName, Prefix = $"store-{Guid.NewGuid():N}/", PageSize = 2 }));

    protected override Task PutRawBytesAsync(IConfigRepository store, string fileName, byte[] content)
    {
        var s3 = (S3ConfigRepository)store;
        return client.PutObjectAsync(
            new PutObjectRequest { BucketName = s3.Options.Bucket, Key = s3.Options.Prefix + fileName, InputStream = new MemoryStream(content) }, Ct);
    }
}

/// <summary>One bucket on moto's server per test class.</summary>
public sealed class MotoS3BucketFixture : IAsyncLifetime
{
    public IAmazonS3 Client { get; } = S3TestBuckets.Client(EmulatorEndpoints.Moto);

    public string Bucket { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync() => Bucket = await S3TestBuckets.CreateAsync(Client, "moto");

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
