using AwesomeAssertions;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>The shared version-store contract against the embedded SQLite store (a fresh file per test).</summary>
public sealed class SqliteConfigVersionRepositoryTests : ConfigVersionRepositoryContract, IDisposable
{
    private readonly TempFolder _folder;

    public SqliteConfigVersionRepositoryTests()
        : this(new TempFolder())
    {
    }

    private SqliteConfigVersionRepositoryTests(TempFolder folder)
        : base(SqliteConfigVersionRepository.ForStore(folder.Path))
    {
        _folder = folder;
    }

    protected override IConfigVersionRepository CreateUnreachableRepository()
    {
        // A regular file where the database folder should be: the store cannot be created or opened.
        var blocker = System.IO.Path.Combine(_folder.Path, "not-a-folder");
        File.WriteAllText(blocker, "x");
        return new SqliteConfigVersionRepository(System.IO.Path.Combine(blocker, "versions.db"));
    }

    [Fact]
    public async Task Reads_never_write_the_database_and_a_fresh_store_reads_as_empty_without_creating_it()
    {
        var fresh = SqliteConfigVersionRepository.ForStore(System.IO.Path.Combine(_folder.Path, "fresh"));
        (await fresh.GetActiveAsync("s", Ct)).Should().BeNull();
        (await fresh.ListAsync("s", null, 10, null, Ct)).Items.Should().BeEmpty();
        File.Exists(fresh.DatabasePath).Should().BeFalse();

        var strategy = NewStrategy();
        var v1 = (await Service.CreateAsync(strategy, Config(1), "t", Ct)).Version;
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        var path = ((SqliteConfigVersionRepository)Repository).DatabasePath;
        var before = (Convert.ToHexString(await File.ReadAllBytesAsync(path, Ct)), File.GetLastWriteTimeUtc(path));

        var reader = SqliteConfigVersionRepository.ForStore(_folder.Path); // a new process would start like this
        (await reader.GetActiveAsync(strategy, Ct))!.ConfigId.Should().Be(v1.ConfigId);
        (await reader.ListAsync(strategy, null, 10, null, Ct)).Items.Should().ContainSingle();
        (await reader.GetAsync(strategy, v1.ConfigId, Ct)).Should().NotBeNull();

        (Convert.ToHexString(await File.ReadAllBytesAsync(path, Ct)), File.GetLastWriteTimeUtc(path)).Should().Be(before);
    }

    public void Dispose() => _folder.Dispose();
}
