using Amazon.S3.Model;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>The S3 store passes the same repository contract as the local folder store, on the fauxqs emulator.</summary>
public sealed class S3ConfigRepositoryContractTests(S3BucketFixture bucket) : ConfigRepositoryContract, IClassFixture<S3BucketFixture>
{
    protected override Task<IConfigRepository> CreateStoreAsync() =>
        Task.FromResult<IConfigRepository>(new S3ConfigRepository(
            bucket.Client,
            new S3ConfigRepositoryOptions { Bucket = bucket.Bucket, Prefix = $"store-{Guid.NewGuid():N}/", PageSize = 2 }));

    protected override Task PutRawAsync(IConfigRepository store, string fileName, string content)
    {
        var s3 = (S3ConfigRepository)store;
        return bucket.Client.PutObjectAsync(
            new PutObjectRequest { BucketName = s3.Options.Bucket, Key = s3.Options.Prefix + fileName, ContentBody = content }, Ct);
    }
}
