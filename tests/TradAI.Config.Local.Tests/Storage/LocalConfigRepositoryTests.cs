using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Local.Storage;

namespace TradAI.Config.Local.Tests.Storage;

public sealed class LocalConfigRepositoryTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("tradai-local-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Upload_writes_yaml_files_and_leaves_no_temp_files()
    {
        var store = new LocalConfigRepository(_root);
        for (var i = 0; i < 20; i++)
        {
            await store.UploadAsync("a", ConfigMapping.Of(("i", (long)i)), Ct);
        }

        Assert.Equal(["a.yaml"], Directory.GetFiles(_root).Select(Path.GetFileName));
        Assert.Equal("i: 19\n", await File.ReadAllTextAsync(Path.Combine(_root, "a.yaml"), Ct));
    }

    [Fact]
    public async Task An_existing_yml_file_is_updated_in_place_not_duplicated()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "b.yml"), "x: 1", Ct);
        var store = new LocalConfigRepository(_root);
        await store.UploadAsync("b", ConfigMapping.Of(("x", 2L)), Ct);
        Assert.Equal(["b.yml"], Directory.GetFiles(_root).Select(Path.GetFileName));
        Assert.Equal(2L, (await store.DownloadAsync("b", Ct))["x"]);
    }

    [Fact]
    public async Task Hidden_folders_temp_files_and_other_extensions_are_not_listed()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".tradai"));
        await File.WriteAllTextAsync(Path.Combine(_root, ".tradai", "x.yaml"), "a: 1", Ct);
        await File.WriteAllTextAsync(Path.Combine(_root, ".c.yaml.123.tmp"), "a: 1", Ct);
        await File.WriteAllTextAsync(Path.Combine(_root, "notes.txt"), "a: 1", Ct);
        await File.WriteAllTextAsync(Path.Combine(_root, "real.yaml"), "a: 1", Ct);
        Assert.Equal(["real"], await new LocalConfigRepository(_root).ListAsync(Ct));
    }

    [Fact]
    public async Task A_store_folder_that_does_not_exist_lists_empty_and_is_created_on_write()
    {
        var store = new LocalConfigRepository(Path.Combine(_root, "new", "deeper"));
        Assert.Empty(await store.ListAsync(Ct));
        await store.UploadAsync("x", ConfigMapping.Empty, Ct);
        Assert.True(await store.ExistsAsync("x", Ct));
    }

    [Fact]
    public async Task Oversized_files_are_refused_before_reading()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "big.yaml"), "a: " + new string('x', 5000), Ct);
        var store = new LocalConfigRepository(_root, new YamlReadOptions { MaxDocumentBytes = 1000 });
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => store.DownloadAsync("big", Ct));
        Assert.Contains("limit", ex.Message);
    }

    [Fact]
    public async Task A_failed_write_keeps_the_previous_document_and_leaves_no_temp_file()
    {
        var store = new LocalConfigRepository(_root);
        await store.UploadAsync("keep", ConfigMapping.Of(("v", 1L)), Ct);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UploadAsync("keep", ConfigMapping.Of(("v", 2L)), cts.Token));
        Assert.Equal(1L, (await store.DownloadAsync("keep", Ct))["v"]);
        Assert.Equal(["keep.yaml"], Directory.GetFiles(_root).Select(Path.GetFileName));
    }
}
