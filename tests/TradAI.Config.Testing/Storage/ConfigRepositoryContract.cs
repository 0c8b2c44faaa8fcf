using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;
using Xunit;

namespace TradAI.Config.Testing.Storage;

/// <summary>
/// The behaviour every <see cref="IConfigRepository"/> must have. Each store's test project derives from this
/// class and supplies a fresh, empty store; the tests here then run against that implementation.
/// </summary>
public abstract class ConfigRepositoryContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store (its own folder, bucket or prefix).</summary>
    protected abstract Task<IConfigRepository> CreateStoreAsync();

    /// <summary>Writes raw bytes under a name as the store would lay them out (e.g. a .yml file or key), bypassing validation.</summary>
    protected abstract Task PutRawAsync(IConfigRepository store, string fileName, string content);

    protected static ConfigMapping Sample(string name = "s") => YamlConfigReader.ParseMapping($$"""
        name: {{name}}
        version: 1.0.0
        nested: {a: 1, b: [1, 2.5, "3", true, null]}
        '0': zero
        """);

    [Fact]
    public async Task Upload_then_download_round_trips_the_document()
    {
        var store = await CreateStoreAsync();
        var doc = Sample();
        await store.UploadAsync("alpha", doc, Ct);
        Assert.Equal(doc, await store.DownloadAsync("alpha", Ct));
    }

    [Fact]
    public async Task Upload_replaces_the_previous_document()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha", Sample("one"), Ct);
        await store.UploadAsync("alpha", Sample("two"), Ct);
        Assert.Equal("two", (await store.DownloadAsync("alpha", Ct))["name"]);
    }

    [Fact]
    public async Task Download_of_a_missing_config_is_not_found()
    {
        var store = await CreateStoreAsync();
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => store.DownloadAsync("nope", Ct));
        Assert.Contains("nope", ex.Message);
    }

    [Fact]
    public async Task List_is_sorted_strips_extensions_and_includes_yml()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.ListAsync(Ct));
        await store.UploadAsync("zeta", Sample(), Ct);
        await store.UploadAsync("alpha", Sample(), Ct);
        await store.UploadAsync("Beta", Sample(), Ct);
        await PutRawAsync(store, "gamma.yml", "name: g\n");
        Assert.Equal(["Beta", "alpha", "gamma", "zeta"], await store.ListAsync(Ct));
        Assert.Equal("g", (await store.DownloadAsync("gamma", Ct))["name"]);
    }

    [Fact]
    public async Task Names_with_an_extension_address_the_same_config()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha.yaml", Sample(), Ct);
        Assert.True(await store.ExistsAsync("alpha", Ct));
        Assert.Equal(["alpha"], await store.ListAsync(Ct));
    }

    [Fact]
    public async Task Nested_names_are_supported()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("team/strat", Sample(), Ct);
        Assert.Equal(["team/strat"], await store.ListAsync(Ct));
        Assert.True(await store.ExistsAsync("team/strat", Ct));
    }

    [Fact]
    public async Task Exists_reports_presence()
    {
        var store = await CreateStoreAsync();
        Assert.False(await store.ExistsAsync("alpha", Ct));
        await store.UploadAsync("alpha", Sample(), Ct);
        Assert.True(await store.ExistsAsync("alpha", Ct));
    }

    [Fact]
    public async Task Delete_removes_and_a_second_delete_is_not_found()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha", Sample(), Ct);
        await store.DeleteAsync("alpha", Ct);
        Assert.False(await store.ExistsAsync("alpha", Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.DeleteAsync("alpha", Ct));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("bad\u0001name")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a//b")]
    [InlineData(".hidden")]
    [InlineData("C:evil")]
    public async Task Invalid_names_are_refused_everywhere_and_nothing_is_written(string name)
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.UploadAsync(name, Sample(), Ct));
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.DownloadAsync(name, Ct));
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.ExistsAsync(name, Ct));
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.DeleteAsync(name, Ct));
        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task Malformed_stored_yaml_is_a_validation_error_naming_the_config()
    {
        var store = await CreateStoreAsync();
        await PutRawAsync(store, "broken.yaml", "a: [1, 2\n");
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => store.DownloadAsync("broken", Ct));
        Assert.Contains("broken", ex.Message);
    }

    [Fact]
    public async Task Merge_and_upload_is_shallow_by_default_and_deep_on_request()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("m", YamlConfigReader.ParseMapping("a: {x: 1, y: 2}\nb: 1"), Ct);
        var shallow = await store.MergeAndUploadAsync("m", YamlConfigReader.ParseMapping("a: {x: 10}\nc: 3"), cancellationToken: Ct);
        Assert.Equal(YamlConfigReader.ParseMapping("a: {x: 10}\nb: 1\nc: 3"), shallow);
        Assert.Equal(shallow, await store.DownloadAsync("m", Ct));

        await store.UploadAsync("m", YamlConfigReader.ParseMapping("a: {x: 1, y: 2}"), Ct);
        var deep = await store.MergeAndUploadAsync("m", YamlConfigReader.ParseMapping("a: {x: 10}"), MergeMode.Deep, cancellationToken: Ct);
        Assert.Equal(YamlConfigReader.ParseMapping("a: {x: 10, y: 2}"), deep);
        Assert.Equal(deep, await store.DownloadAsync("m", Ct));
    }

    [Fact]
    public async Task Merge_and_upload_of_a_missing_config_is_not_found_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => store.MergeAndUploadAsync("ghost", Sample(), cancellationToken: Ct));
        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_writers_never_leave_a_torn_document()
    {
        var store = await CreateStoreAsync();
        var docs = Enumerable.Range(0, 8).Select(i => YamlConfigReader.ParseMapping(
            $"writer: {i}\npayload: [{string.Join(", ", Enumerable.Repeat(i, 200))}]")).ToArray();
        await store.UploadAsync("race", docs[0], Ct);
        var writers = docs.Select(d => Task.Run(async () =>
        {
            for (var n = 0; n < 5; n++)
            {
                await store.UploadAsync("race", d, Ct);
            }
        }, Ct));
        var reader = Task.Run(async () =>
        {
            for (var n = 0; n < 20; n++)
            {
                var got = await store.DownloadAsync("race", Ct);
                Assert.Contains(docs, d => d.Equals(got));
            }
        }, Ct);
        await Task.WhenAll([.. writers, reader]);
        var final = await store.DownloadAsync("race", Ct);
        Assert.Contains(docs, d => d.Equals(final));
    }
}
