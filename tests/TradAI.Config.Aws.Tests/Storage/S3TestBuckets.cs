using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Testing;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>Clients and throw-away buckets on the S3 emulators started by scripts/emulators.sh (fauxqs, moto).</summary>
internal static class S3TestBuckets
{
    /// <summary>A client of the fauxqs emulator, or of another S3 endpoint (moto's server).</summary>
    public static IAmazonS3 Client(string? endpoint = null) =>
        new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = endpoint ?? EmulatorEndpoints.S3,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        }).CreateS3();

    /// <summary>Creates a bucket whose name is unique to the caller, so test classes run in parallel.</summary>
    public static async Task<string> CreateAsync(IAmazonS3 client, string label)
    {
        var name = $"t-{label}-{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 40)].ToLowerInvariant().TrimEnd('-');
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, TestContext.Current.CancellationToken);
        return name;
    }
}
