using AwesomeAssertions;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// Reads reuse pooled read-only connections: each read must still see every write committed before it — by this
/// repository, another instance or another process — so no pooled connection may keep an old snapshot.
/// </summary>
public sealed class SqliteReadPoolTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_read_sees_the_writes_committed_before_it_through_another_repository()
    {
        var reader = new ConfigVersionService(SqliteConfigVersionRepository.ForStore(_folder.Path));
        var writer = new ConfigVersionService(SqliteConfigVersionRepository.ForStore(_folder.Path));

        for (var i = 1; i <= 5; i++)
        {
            var created = (await writer.CreateAsync($"s{i}", StrategyContent.Valid(("n", (long)i)), "writer", Ct)).Version;
            await writer.ActivateAsync($"s{i}", created.ConfigId, Ct);

            // The listing runs in one read transaction; the next listing must start a new one with the new strategy.
            var strategies = await reader.ListStrategiesAsync(Ct);
            strategies.Select(s => s.StrategyName).Should().Equal(Enumerable.Range(1, i).Select(n => $"s{n}"));
            strategies[^1].Active!.ConfigId.Should().Be(created.ConfigId);
            (await reader.TryGetActiveAsync($"s{i}", Ct))!.ConfigId.Should().Be(created.ConfigId);
        }
    }

    [Fact]
    public async Task Concurrent_reads_on_pooled_connections_see_an_activation_once_it_is_committed()
    {
        var repository = SqliteConfigVersionRepository.ForStore(_folder.Path);
        var service = new ConfigVersionService(repository);
        var v1 = (await service.CreateAsync("s", StrategyContent.Valid(("n", 1L)), "t", Ct)).Version;
        await service.ActivateAsync("s", v1.ConfigId, Ct);
        var v2 = (await service.CreateAsync("s", StrategyContent.Valid(("n", 2L)), "t", Ct)).Version;

        var readers = Enumerable.Range(0, 8).Select(r => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                _ = await repository.ListStrategiesAsync(Ct);
                (await repository.GetActiveAsync("s", Ct)).Should().NotBeNull();
            }
        }, Ct)).ToList();
        await Task.WhenAll(readers);
        await service.ActivateAsync("s", v2.ConfigId, Ct);

        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(r => Task.Run(() => repository.GetActiveAsync("s", Ct), Ct)));
        after.Should().OnlyContain(v => v!.ConfigId == v2.ConfigId);
        (await repository.ListStrategiesAsync(Ct)).Single().Active!.ConfigId.Should().Be(v2.ConfigId);
    }

    public void Dispose() => _folder.Dispose();
}
