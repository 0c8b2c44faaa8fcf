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
    protected abstract Task PutRawBytesAsync(IConfigRepository store, string fileName, byte[] content);

    /// <summary>Whether the store's backend really checks write preconditions (fauxqs ignores them; moto and the folder store do not).</summary>
    protected virtual bool HonoursPreconditions => true;

    /// <summary>Writes raw UTF-8 text under a name, bypassing validation.</summary>
    protected Task PutRawAsync(IConfigRepository store, string fileName, string content) =>
        PutRawBytesAsync(store, fileName, System.Text.Encoding.UTF8.GetBytes(content));

    private void RequirePreconditions() =>
        Assert.SkipUnless(HonoursPreconditions, "this emulator ignores write preconditions; the suite on a backend that honours them covers this");

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
    public async Task Merge_and_upload_refused_by_its_check_writes_nothing()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("m", YamlConfigReader.ParseMapping("a: 1"), Ct);
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.MergeAndUploadAsync(
            "m", YamlConfigReader.ParseMapping("a: 2"), MergeMode.Deep, _ => throw new ConfigValidationException("refused"), Ct));
        Assert.Equal(1L, (await store.DownloadAsync("m", Ct))["a"]);
    }

    [Fact]
    public async Task Merge_and_upload_of_a_missing_config_is_not_found_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => store.MergeAndUploadAsync("ghost", Sample(), cancellationToken: Ct));
        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task Try_download_of_a_missing_config_is_null_and_of_a_stored_one_carries_an_entity_tag()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.TryDownloadAsync("nope", Ct));
        await store.UploadAsync("alpha", Sample(), Ct);
        var read = await store.TryDownloadAsync("alpha", Ct);
        Assert.NotNull(read);
        Assert.Equal(Sample(), read.Config);
        Assert.False(string.IsNullOrEmpty(read.ETag));
    }

    [Fact]
    public async Task A_write_conditional_on_the_tag_that_was_read_succeeds_and_returns_the_tag_of_what_it_stored()
    {
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha", Sample("one"), Ct);
        var read = (await store.TryDownloadAsync("alpha", Ct))!;
        var tag = await store.UploadAsync("alpha", Sample("two"), WriteCondition.IfMatch(read.ETag), Ct);
        var again = (await store.TryDownloadAsync("alpha", Ct))!;
        Assert.Equal("two", again.Config["name"]);
        Assert.Equal(again.ETag, tag);
        Assert.NotEqual(read.ETag, tag);
    }

    [Fact]
    public async Task A_write_conditional_on_a_stale_tag_fails_and_keeps_the_other_writers_document()
    {
        RequirePreconditions();
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha", Sample("one"), Ct);
        var read = (await store.TryDownloadAsync("alpha", Ct))!;
        await store.UploadAsync("alpha", Sample("other writer"), Ct);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => store.UploadAsync("alpha", Sample("lost"), WriteCondition.IfMatch(read.ETag), Ct));
        Assert.Equal("other writer", (await store.DownloadAsync("alpha", Ct))["name"]);
    }

    [Fact]
    public async Task If_absent_creates_a_missing_config_and_refuses_an_existing_one()
    {
        RequirePreconditions();
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha", Sample("first"), WriteCondition.IfAbsent, Ct);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => store.UploadAsync("alpha", Sample("second"), WriteCondition.IfAbsent, Ct));
        Assert.Equal("first", (await store.DownloadAsync("alpha", Ct))["name"]);
    }

    [Fact]
    public async Task A_write_conditional_on_a_config_deleted_since_it_was_read_fails_and_creates_nothing()
    {
        RequirePreconditions();
        var store = await CreateStoreAsync();
        await store.UploadAsync("alpha", Sample(), Ct);
        var read = (await store.TryDownloadAsync("alpha", Ct))!;
        await store.DeleteAsync("alpha", Ct);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => store.UploadAsync("alpha", Sample(), WriteCondition.IfMatch(read.ETag), Ct));
        Assert.False(await store.ExistsAsync("alpha", Ct));
    }

    [Fact]
    public async Task Concurrent_deep_merges_of_different_keys_lose_none_of_them()
    {
        RequirePreconditions();
        var store = await CreateStoreAsync();
        await store.UploadAsync("conc", YamlConfigReader.ParseMapping("base: 0"), Ct);
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(
            () => store.MergeAndUploadAsync("conc", YamlConfigReader.ParseMapping($"keys: {{k{i}: {i}}}"), MergeMode.Deep, cancellationToken: Ct), Ct)));
        var final = await store.DownloadAsync("conc", Ct);
        Assert.Equal(0L, final["base"]);
        var keys = (ConfigMapping)final["keys"]!;
        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"k{i}").Order(StringComparer.Ordinal), keys.Keys.Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_passes_null_for_a_missing_config_and_creates_it()
    {
        var store = await CreateStoreAsync();
        ConfigMapping? seen = Sample();
        var stored = await store.UpdateAsync("fresh", current => { seen = current; return Sample("fresh"); }, cancellationToken: Ct);
        Assert.Null(seen);
        Assert.Equal(stored, await store.DownloadAsync("fresh", Ct));
    }

    [Fact]
    public async Task Extensions_match_in_any_letter_case_for_list_read_exists_and_delete()
    {
        var store = await CreateStoreAsync();
        await PutRawAsync(store, "UP.YAML", "name: up\n");
        await PutRawAsync(store, "mixed.Yml", "name: mixed\n");
        Assert.Equal(["UP", "mixed"], await store.ListAsync(Ct));
        Assert.Equal("up", (await store.DownloadAsync("UP", Ct))["name"]);
        Assert.Equal("mixed", (await store.DownloadAsync("mixed.yml", Ct))["name"]);
        Assert.True(await store.ExistsAsync("UP", Ct));
        await store.DeleteAsync("UP", Ct);
        Assert.False(await store.ExistsAsync("UP", Ct));
        Assert.Equal(["mixed"], await store.ListAsync(Ct));
    }

    [Theory]
    [InlineData("evil\u202Egpj.yaml")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("soft\u00ADhyphen")]
    [InlineData("line\u2028break")]
    [InlineData("tag\U000E0001char")]
    public async Task Names_with_bidi_zero_width_or_format_characters_are_refused(string name)
    {
        var store = await CreateStoreAsync();
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => store.UploadAsync(name, Sample(), Ct));
        Assert.Contains("format", ex.Message);
        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task Name_lengths_count_utf8_bytes()
    {
        var store = await CreateStoreAsync();
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => store.UploadAsync(new string('é', 126), Sample(), Ct));
        Assert.Contains("bytes", ex.Message);
        var longest = new string('é', 100); // 200 bytes: the longest segment
        await store.UploadAsync(longest, Sample(), Ct);
        Assert.Equal([longest], await store.ListAsync(Ct));
        Assert.Equal(Sample(), await store.DownloadAsync(longest, Ct));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_stored_document_is_a_validation_error_with_its_byte_offset()
    {
        var store = await CreateStoreAsync();
        await PutRawBytesAsync(store, "latin1.yaml", [.. "name: caf"u8, 0xE9, .. "\n"u8]);
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => store.DownloadAsync("latin1", Ct));
        Assert.Contains("invalid UTF-8 at byte 9 (line 1)", ex.Message);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_accepted()
    {
        var store = await CreateStoreAsync();
        await PutRawBytesAsync(store, "bom.yaml", [0xEF, 0xBB, 0xBF, .. "name: b\u00e9\n"u8]);
        Assert.Equal("bé", (await store.DownloadAsync("bom", Ct))["name"]);
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
