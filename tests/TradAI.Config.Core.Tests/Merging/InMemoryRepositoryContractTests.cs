using TradAI.Config.Core.Repositories;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Core.Tests.Merging;

/// <summary>The in-memory store used by the pipeline tests obeys the same contract as the real stores.</summary>
public class InMemoryRepositoryContractTests : ConfigRepositoryContract
{
    protected override Task<IConfigRepository> CreateStoreAsync() => Task.FromResult<IConfigRepository>(new InMemoryConfigRepository());

    protected override Task PutRawBytesAsync(IConfigRepository store, string fileName, byte[] content)
    {
        ((InMemoryConfigRepository)store).PutRaw(ConfigNames.StripExtension(fileName), content);
        return Task.CompletedTask;
    }
}
