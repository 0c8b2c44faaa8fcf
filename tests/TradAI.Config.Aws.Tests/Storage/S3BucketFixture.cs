using Amazon.S3;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>One emulator bucket per test class (so classes run in parallel); tests isolate themselves by key prefix.</summary>
public sealed class S3BucketFixture : IAsyncLifetime
{
    public IAmazonS3 Client { get; } = S3TestBuckets.Client();

    public string Bucket { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync() => Bucket = await S3TestBuckets.CreateAsync(Client, "contract");

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
