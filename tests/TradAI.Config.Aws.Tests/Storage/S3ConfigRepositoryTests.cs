using Amazon.S3;
using Amazon.S3.Model;
using AwesomeAssertions;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>The S3 store against the fauxqs emulator: key layout, paging, legacy .yml keys and merge-and-upload.</summary>
public sealed class S3ConfigRepositoryTests : IAsyncLifetime
{
    private readonly IAmazonS3 _client = S3TestBuckets.Client();
    private string _bucket = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bucket = await S3TestBuckets.CreateAsync(_client, "s3repo");

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private S3ConfigRepository Repo(string prefix = "", int pageSize = 1000) =>
        new(_client, new S3ConfigRepositoryOptions { Bucket = _bucket, Prefix = prefix, PageSize = pageSize });

    private static ConfigMapping Sample(string name) => ConfigMapping.Of(
        ("name", name),
        ("version", "1.0.0"),
        ("timeframe", "1h"),
        ("pairs", ConfigSequence.Of("BTC/USDT", "ETH/USDT")),
        ("parameters", ConfigMapping.Of(("rsi", 14L), ("threshold", 0.5), ("enabled", true))));

    [Fact]
    public async Task Upload_writes_prefix_name_yaml_key_and_download_round_trips()
    {
        var repo = Repo("strategies/");
        await repo.UploadAsync("momentum", Sample("momentum"), Ct);

        var head = await _client.GetObjectMetadataAsync(_bucket, "strategies/momentum.yaml", Ct);
        head.ContentLength.Should().BeGreaterThan(0);
        var back = await repo.DownloadAsync("momentum", Ct);
        ConfigValues.DeepEquals(back, Sample("momentum")).Should().BeTrue();
    }

    [Fact]
    public async Task Listing_pages_through_continuation_tokens_when_there_are_more_keys_than_a_page()
    {
        var repo = Repo("p/", pageSize: 3);
        var expected = Enumerable.Range(0, 11).Select(i => $"cfg-{i:D2}").ToList();
        foreach (var name in expected)
        {
            await repo.UploadAsync(name, Sample(name), Ct);
        }

        // Noise the listing must ignore: other prefixes and non-YAML objects.
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "p/readme.txt", ContentBody = "x" }, Ct);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "other/zzz.yaml", ContentBody = "a: 1" }, Ct);

        var first = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = "p/", MaxKeys = 3 }, Ct);
        first.IsTruncated.Should().BeTrue("the emulator must really page for this test to mean anything");

        var names = await repo.ListAsync(Ct);
        names.Should().Equal(expected);
    }

    [Fact]
    public async Task Listing_with_the_default_page_size_reads_past_the_1000_key_page()
    {
        // S3 (and fauxqs) cap a ListObjectsV2 page at 1,000 keys; 1,005 keys need two pages.
        var names = Enumerable.Range(0, 1005).Select(i => $"k{i:D4}").ToList();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(names.Select(async n =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = $"big/{n}.yaml", ContentBody = "a: 1\n" }, Ct);
            }
            finally
            {
                gate.Release();
            }
        }));

        var first = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = "big/" }, Ct);
        first.S3Objects.Should().HaveCount(1000);
        first.IsTruncated.Should().BeTrue();

        (await Repo("big/").ListAsync(Ct)).Should().Equal(names);
    }

    [Fact]
    public async Task Listing_strips_yaml_and_yml_and_sorts_ordinally_including_nested_names()
    {
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "b.yml", ContentBody = "a: 1" }, Ct);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "a/nested.yaml", ContentBody = "a: 1" }, Ct);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "B.yaml", ContentBody = "a: 1" }, Ct);

        (await Repo().ListAsync(Ct)).Should().Equal("B", "a/nested", "b");
    }

    [Fact]
    public async Task A_legacy_yml_key_is_readable_checkable_and_deletable()
    {
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "legacy.yml", ContentBody = "x: 1\n" }, Ct);
        var repo = Repo();

        (await repo.ExistsAsync("legacy", Ct)).Should().BeTrue();
        (await repo.DownloadAsync("legacy", Ct))["x"].Should().Be(1L);
        await repo.DeleteAsync("legacy", Ct);
        (await repo.ExistsAsync("legacy", Ct)).Should().BeFalse();
    }

    [Fact]
    public async Task Missing_config_is_not_found_for_download_and_delete_and_false_for_exists()
    {
        var repo = Repo();
        (await repo.ExistsAsync("ghost", Ct)).Should().BeFalse();
        var download = () => repo.DownloadAsync("ghost", Ct);
        (await download.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Contain("ghost");
        var delete = () => repo.DeleteAsync("ghost", Ct);
        await delete.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Invalid_names_are_rejected_before_any_request()
    {
        var repo = Repo();
        foreach (var bad in new[] { "../etc/passwd", "/abs", "a\\b", "", "x/../y" })
        {
            var act = () => repo.UploadAsync(bad, Sample("x"), Ct);
            await act.Should().ThrowAsync<ConfigValidationException>();
        }

        (await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, Ct)).S3Objects.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Malformed_yaml_in_the_bucket_is_a_validation_error_naming_the_config()
    {
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "broken.yaml", ContentBody = "a: 1\na: 2\n" }, Ct);
        var act = () => Repo().DownloadAsync("broken", Ct);
        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("broken");
    }

    [Fact]
    public async Task Merge_and_upload_shallow_merges_top_level_keys()
    {
        var repo = Repo();
        await repo.UploadAsync("m", Sample("m"), Ct);
        var merged = await repo.MergeAndUploadAsync("m", ConfigMapping.Of(("timeframe", "4h"), ("parameters", ConfigMapping.Of(("rsi", 21L)))), cancellationToken: Ct);

        var back = await repo.DownloadAsync("m", Ct);
        ConfigValues.DeepEquals(back, merged).Should().BeTrue();
        back["timeframe"].Should().Be("4h");
        // Shallow: the nested mapping is replaced, not deep-merged (SPEC §4.1).
        ((ConfigMapping)back["parameters"]!).Keys.Should().Equal("rsi");
        back["version"].Should().Be("1.0.0");
    }

    [Fact]
    public async Task Merge_and_upload_of_a_missing_config_writes_nothing()
    {
        var repo = Repo();
        var act = () => repo.MergeAndUploadAsync("nope", ConfigMapping.Of(("a", 1L)), cancellationToken: Ct);
        await act.Should().ThrowAsync<NotFoundException>();
        (await repo.ListAsync(Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_bucket_is_an_external_service_error_not_a_missing_config()
    {
        var repo = new S3ConfigRepository(_client, new S3ConfigRepositoryOptions { Bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] });
        var act = () => repo.ListAsync(Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Service.Should().Be("s3");
    }

    [Fact]
    public void Options_reject_bad_bucket_prefix_and_page_size_with_every_problem_named()
    {
        var act = () => new S3ConfigRepositoryOptions { Bucket = "Bad_Bucket", Prefix = "/x", PageSize = 0 }.Validated();
        act.Should().Throw<ConfigValidationException>().Which.Problems.Select(p => p.Path).Should().Equal("bucket", "prefix", "page_size");
    }

    [Fact]
    public void Options_from_environment_default_the_bucket_to_the_environment_convention()
    {
        // The environment is given, so the expectations are literals whatever this machine's own variables say.
        static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
            name => variables.FirstOrDefault(v => v.Name == name).Value;

        S3ConfigRepositoryOptions.FromEnvironment(environment: Env()).Bucket.Should().Be("tradai-configs-dev");
        S3ConfigRepositoryOptions.FromEnvironment(environment: Env(("TRADAI_ENV", "staging"))).Bucket.Should().Be("tradai-configs-staging");
        S3ConfigRepositoryOptions.FromEnvironment(environment: Env(("TRADAI_ENV", "prod"))).Bucket.Should().Be("tradai-configs-prod");
        S3ConfigRepositoryOptions.FromEnvironment(environment: Env(("TRADAI_ENV", ""))).Bucket.Should().Be("tradai-configs-dev", "an empty variable is unset");

        var fromVariables = S3ConfigRepositoryOptions.FromEnvironment(environment: Env(("TRADAI_S3_BUCKET", "team-configs"), ("TRADAI_ENV", "prod"), ("TRADAI_S3_PREFIX", "strategies/")));
        fromVariables.Bucket.Should().Be("team-configs", "TRADAI_S3_BUCKET wins over the convention");
        fromVariables.Prefix.Should().Be("strategies/");

        var explicitArgs = S3ConfigRepositoryOptions.FromEnvironment("arg-bucket", "cfg/", Env(("TRADAI_S3_BUCKET", "team-configs"), ("TRADAI_S3_PREFIX", "strategies/")));
        explicitArgs.Bucket.Should().Be("arg-bucket");
        explicitArgs.Prefix.Should().Be("cfg/");

        var bad = () => S3ConfigRepositoryOptions.FromEnvironment(environment: Env(("TRADAI_ENV", "qa")));
        bad.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("TRADAI_ENV").And.Contain("'qa'");
    }
}
