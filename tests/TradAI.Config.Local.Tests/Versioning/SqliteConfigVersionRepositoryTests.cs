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

    public void Dispose() => _folder.Dispose();
}
