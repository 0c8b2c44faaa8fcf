using TradAI.Config.Core.Repositories;
using TradAI.Config.Local.Storage;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Local.Tests.Storage;

/// <summary>The local folder store passes the shared repository contract.</summary>
public sealed class LocalConfigRepositoryContractTests : ConfigRepositoryContract, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tradai-store-").FullName;
    private int _stores;

    protected override Task<IConfigRepository> CreateStoreAsync() =>
        Task.FromResult<IConfigRepository>(new LocalConfigRepository(Path.Combine(_root, $"s{Interlocked.Increment(ref _stores)}")));

    protected override async Task PutRawBytesAsync(IConfigRepository store, string fileName, byte[] content)
    {
        var root = ((LocalConfigRepository)store).RootDirectory;
        Directory.CreateDirectory(root);
        await File.WriteAllBytesAsync(Path.Combine(root, fileName), content, Ct);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
