using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Local.Storage;

namespace TradAI.Config.Local.Tests.Storage;

/// <summary>Symbolic links in the folder store: those leading out of the store are refused by every operation, those that stay inside work.</summary>
public sealed class LocalConfigRepositorySymlinkTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _base = Directory.CreateTempSubdirectory("tradai-links-").FullName;

    private string Store => Path.Combine(_base, "store");

    private string Elsewhere => Path.Combine(_base, "elsewhere");

    public LocalConfigRepositorySymlinkTests()
    {
        Directory.CreateDirectory(Store);
        Directory.CreateDirectory(Elsewhere);
        File.WriteAllText(Path.Combine(Elsewhere, "s.yaml"), "secret: outside\n");
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    [Fact]
    public async Task A_linked_folder_leading_outside_is_refused_for_show_put_delete_and_exists_and_not_listed()
    {
        Directory.CreateSymbolicLink(Path.Combine(Store, "team"), Elsewhere);
        var store = new LocalConfigRepository(Store);

        await AssertOutside(() => store.DownloadAsync("team/s", Ct));
        await AssertOutside(() => store.UploadAsync("team/new", ConfigMapping.Of(("a", 1L)), Ct));
        await AssertOutside(() => store.DeleteAsync("team/s", Ct));
        await AssertOutside(() => store.ExistsAsync("team/s", Ct));
        Assert.Empty(await store.ListAsync(Ct));

        Assert.Equal(["s.yaml"], Directory.GetFiles(Elsewhere).Select(Path.GetFileName));
        Assert.Equal("secret: outside\n", await File.ReadAllTextAsync(Path.Combine(Elsewhere, "s.yaml"), Ct));
    }

    [Fact]
    public async Task A_linked_file_leading_outside_is_refused_and_not_listed()
    {
        File.CreateSymbolicLink(Path.Combine(Store, "s.yaml"), Path.Combine(Elsewhere, "s.yaml"));
        var store = new LocalConfigRepository(Store);
        await AssertOutside(() => store.DownloadAsync("s", Ct));
        await AssertOutside(() => store.UploadAsync("s", ConfigMapping.Of(("a", 1L)), Ct));
        await AssertOutside(() => store.DeleteAsync("s", Ct));
        Assert.Empty(await store.ListAsync(Ct));
        Assert.Equal("secret: outside\n", await File.ReadAllTextAsync(Path.Combine(Elsewhere, "s.yaml"), Ct));
    }

    [Fact]
    public async Task A_relative_link_climbing_out_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Store, "up"), "../elsewhere");
        var store = new LocalConfigRepository(Store);
        await AssertOutside(() => store.DownloadAsync("up/s", Ct));
    }

    [Fact]
    public async Task A_kubernetes_configmap_layout_of_links_inside_the_store_works()
    {
        // kubelet: momentum.yaml -> ..data/momentum.yaml, ..data -> ..2026_12_01_09_00_00.123
        var version = Path.Combine(Store, "..2026_12_01_09_00_00.123");
        Directory.CreateDirectory(version);
        await File.WriteAllTextAsync(Path.Combine(version, "momentum.yaml"), "name: momentum\n", Ct);
        Directory.CreateSymbolicLink(Path.Combine(Store, "..data"), "..2026_12_01_09_00_00.123");
        File.CreateSymbolicLink(Path.Combine(Store, "momentum.yaml"), "..data/momentum.yaml");
        var store = new LocalConfigRepository(Store);

        Assert.Equal(["momentum"], await store.ListAsync(Ct));
        Assert.Equal("momentum", (await store.DownloadAsync("momentum", Ct))["name"]);
        Assert.True(await store.ExistsAsync("momentum", Ct));
    }

    [Fact]
    public async Task Writing_through_a_link_inside_the_store_updates_its_target_and_keeps_the_link()
    {
        Directory.CreateDirectory(Path.Combine(Store, "v2"));
        await File.WriteAllTextAsync(Path.Combine(Store, "v2", "a.yaml"), "n: 1\n", Ct);
        Directory.CreateSymbolicLink(Path.Combine(Store, "current"), "v2");
        var store = new LocalConfigRepository(Store);

        await store.UploadAsync("current/a", ConfigMapping.Of(("n", 2L)), Ct);
        Assert.Equal("n: 2\n", await File.ReadAllTextAsync(Path.Combine(Store, "v2", "a.yaml"), Ct));
        Assert.NotNull(new DirectoryInfo(Path.Combine(Store, "current")).LinkTarget);
        Assert.Equal(["current/a", "v2/a"], await store.ListAsync(Ct));
    }

    [Fact]
    public async Task A_store_root_that_is_itself_a_link_works()
    {
        var linkRoot = Path.Combine(_base, "root-link");
        Directory.CreateSymbolicLink(linkRoot, Store);
        var store = new LocalConfigRepository(linkRoot);
        await store.UploadAsync("x", ConfigMapping.Of(("a", 1L)), Ct);
        Assert.Equal(["x"], await store.ListAsync(Ct));
        Assert.True(File.Exists(Path.Combine(Store, "x.yaml")));
    }

    [Fact]
    public async Task A_link_loop_neither_hangs_listing_nor_reading()
    {
        Directory.CreateDirectory(Path.Combine(Store, "a"));
        await File.WriteAllTextAsync(Path.Combine(Store, "a", "c.yaml"), "n: 1\n", Ct);
        Directory.CreateSymbolicLink(Path.Combine(Store, "a", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(Store, "self"), "self");
        var store = new LocalConfigRepository(Store);

        Assert.Equal(["a/c"], await store.ListAsync(Ct));
        await Assert.ThrowsAsync<ConfigValidationException>(() => store.DownloadAsync("self/x", Ct));
    }

    private static async Task AssertOutside(Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(action);
        Assert.Contains("outside the store", ex.Message);
    }
}
