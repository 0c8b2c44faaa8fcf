using Amazon.Runtime;
using Amazon.S3.Model;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Tree;
using TradAI.Config.Local.Storage;
using TradAI.Config.Testing;

namespace TradAI.Cli.Tests;

/// <summary>
/// Many <c>tradai config put --merge deep</c> processes racing on one config: every one exits 0 and every key survives,
/// on the folder store and on S3 (moto's server, which honours If-Match / If-None-Match).
/// </summary>
public sealed class ConcurrentWriterCommandTests : IDisposable
{
    private const int Writers = 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-conc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] WriteKeyFiles()
    {
        var files = new string[Writers];
        for (var i = 0; i < Writers; i++)
        {
            files[i] = Path.Combine(_dir, $"k{i}.yaml");
            File.WriteAllText(files[i], $"keys:\n  k{i}: {i}\n");
        }

        return files;
    }

    private static void AssertEveryKey(ConfigMapping final)
    {
        var keys = (ConfigMapping)final["keys"]!;
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"k{i}").Order(StringComparer.Ordinal), keys.Keys.Cast<string>().Order(StringComparer.Ordinal));
        Assert.Equal("kept", final["base"]);
    }

    [Fact]
    public async Task Twenty_concurrent_deep_merges_into_the_folder_store_keep_all_twenty_keys()
    {
        var store = Path.Combine(_dir, "store");
        Directory.CreateDirectory(store);
        await File.WriteAllTextAsync(Path.Combine(store, "conc.yaml"), "base: kept\nkeys: {}\n", TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(WriteKeyFiles().Select(f =>
            CliProcess.RunAsync(["config", "put", "conc", "--file", f, "--merge", "deep", "--store", store])));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        AssertEveryKey(await new LocalConfigRepository(store).DownloadAsync("conc", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Twenty_concurrent_deep_merges_into_s3_keep_all_twenty_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        using var s3 = new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.Moto,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        }).CreateS3();
        var bucket = $"conc-{Guid.NewGuid():N}"[..30];
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, ct);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "conc.yaml", ContentBody = "base: kept\nkeys: {}\n" }, ct);
        var env = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test", ["AWS_REGION"] = "us-east-1" };

        var results = await Task.WhenAll(WriteKeyFiles().Select(f => CliProcess.RunAsync(
            ["config", "put", "conc", "--file", f, "--merge", "deep", "--backend", "aws", "--endpoint-url", EmulatorEndpoints.Moto, "--bucket", bucket], env)));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        using var body = await s3.GetObjectAsync(bucket, "conc.yaml", ct);
        using var reader = new StreamReader(body.ResponseStream);
        AssertEveryKey(YamlConfigReader.ParseMapping(await reader.ReadToEndAsync(ct)));
    }
}
