using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;
using TradAI.Config.Testing;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>
/// What a read-modify-write costs on S3 (moto's server), counted on the wire: without contention a merge is one GET
/// and one conditional PUT — the precondition costs no extra request; a lost race costs one more GET and PUT.
/// </summary>
public sealed class S3RequestCostTests : IAsyncLifetime
{
    private readonly HttpRequestLog _http = new();
    private IAmazonS3 _client = null!;
    private string _bucket = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = EmulatorEndpoints.Moto,
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            HttpClientFactory = _http,
        });
        _bucket = await S3TestBuckets.CreateAsync(_client, "cost");
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_uncontended_merge_is_one_get_and_one_conditional_put()
    {
        var store = new S3ConfigRepository(_client, new S3ConfigRepositoryOptions { Bucket = _bucket });
        await store.UploadAsync("m", YamlConfigReader.ParseMapping("a: {x: 1}"), Ct);
        _http.Clear();

        await store.MergeAndUploadAsync("m", YamlConfigReader.ParseMapping("a: {y: 2}"), MergeMode.Deep, cancellationToken: Ct);

        _http.Requests.Should().Equal("GET", "PUT If-Match");
    }

    [Fact]
    public async Task A_lost_race_costs_one_more_read_and_write()
    {
        var store = new S3ConfigRepository(_client, new S3ConfigRepositoryOptions { Bucket = _bucket });
        await store.UploadAsync("r", YamlConfigReader.ParseMapping("n: 0"), Ct);
        _http.Clear();
        var first = true;

        await store.UpdateAsync("r", current =>
        {
            if (first)
            {
                first = false;

                // Another writer lands between this attempt's read and its write.
                _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "r.yaml", ContentBody = "n: 10\n" }, Ct).GetAwaiter().GetResult();
            }

            return current!.With("n", (long)current["n"]! + 1);
        }, cancellationToken: Ct);

        _http.Requests.Should().Equal("GET", "PUT", "PUT If-Match", "GET", "PUT If-Match");
        (await store.DownloadAsync("r", Ct))["n"].Should().Be(11L, "the other writer's value was read again and kept");
    }
}
