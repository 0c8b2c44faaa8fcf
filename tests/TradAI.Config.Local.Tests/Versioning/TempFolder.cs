namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>A scratch folder deleted when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("tradai-versions-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere is left for the OS temp clean-up.
        }
    }
}
