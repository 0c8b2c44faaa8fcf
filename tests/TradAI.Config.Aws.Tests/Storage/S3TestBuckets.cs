using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Testing;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>Clients and throw-away buckets on the fauxqs S3 emulator started by scripts/emulators.sh.</summary>
internal static class S3TestBuckets
{
    public static IAmazonS3 Client() =>
        new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.S3,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        }).CreateS3();

    /// <summary>Creates a bucket whose name is unique to the caller, so test classes run in parallel.</summary>
    public static async Task<string> CreateAsync(IAmazonS3 client, string label)
    {
        var name = $"t-{label}-{Guid.NewGuid():N}"[..40].ToLowerInvariant().TrimEnd('-');
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, TestContext.Current.CancellationToken);
        return name;
    }
}
