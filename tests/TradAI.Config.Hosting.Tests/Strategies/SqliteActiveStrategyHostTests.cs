using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using TradAI.Config.Core.Errors;
using TradAI.Config.Hosting.Strategies;
using TradAI.Config.Hosting.Tests.Support;

namespace TradAI.Config.Hosting.Tests.Strategies;

/// <summary>The hosting contract on the embedded default: a store folder with its SQLite version store.</summary>
public sealed class SqliteActiveStrategyHostTests : ActiveStrategyHostContract
{
    protected override Task<HostBackend> CreateBackendAsync() => Task.FromResult<HostBackend>(new SqliteHostBackend());

    protected override Task<HostBackend> CreateOutageBackendAsync() => CreateBackendAsync();

    [Fact]
    public async Task Content_changed_in_the_database_after_it_was_hashed_is_refused()
    {
        await using var backend = new SqliteHostBackend();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        var draft = await backend.Versions.CreateAsync(Strategy, StrategyContent.Valid(Strategy, 2), "test", Ct);

        // Behind the service's back: the schema's immutability trigger dropped, the draft's content rewritten (still schema-valid).
        await using (var connection = new SqliteConnection($"Data Source={backend.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TRIGGER config_versions_immutable_content;
                UPDATE config_versions SET config_data = json_set(config_data, '$.parameters.generation', 99) WHERE config_id = $id;
                """;
            command.Parameters.AddWithValue("$id", draft.Version.ConfigId);
            (await command.ExecuteNonQueryAsync(Ct)).Should().Be(1);
        }

        await backend.Versions.ActivateAsync(Strategy, draft.Version.ConfigId, Ct);
        var result = await host.PollAsync(Strategy);

        result.Outcome.Should().Be(StrategyRefreshOutcome.Failed);
        result.Failure!.Kind.Should().Be(ErrorKind.Validation);
        result.Failure.Reason.Should().Contain("does not match its config_hash");
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1);
    }

    [Fact]
    public async Task Thirty_two_readers_never_see_a_mixed_value_during_a_thousand_swaps()
    {
        const int swaps = 1000;
        const int readers = 32;
        await using var backend = new SqliteHostBackend(inMemoryFileSystem: true); // a thousand durable commits on disk take ~25 s here
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        var monitor = host.Monitor;
        var refresher = host.Refresher;
        using var done = new CancellationTokenSource();
        var reads = new long[readers];

        var readerThreads = Enumerable.Range(0, readers).Select(r => Task.Factory.StartNew(() =>
        {
            var last = 0;
            while (!done.IsCancellationRequested)
            {
                for (var i = 0; i < 16; i++)
                {
                    var generation = StrategyContent.GenerationOf(monitor.CurrentValue); // throws on a mixed value
                    if (generation < last)
                    {
                        throw new InvalidOperationException($"reader {r} went back from generation {last} to {generation}");
                    }

                    last = generation;
                    var snapshot = refresher.GetStatus(Strategy).Current!;
                    if (StrategyContent.GenerationOf(snapshot.Config) != snapshot.VersionNumber)
                    {
                        throw new InvalidOperationException($"snapshot {snapshot.ConfigId} holds generation {StrategyContent.GenerationOf(snapshot.Config)}");
                    }

                    reads[r]++;
                }

                Thread.Sleep(1); // 32 spinning threads on two cores would starve the writer
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        for (var generation = 2; generation <= swaps + 1; generation++)
        {
            await backend.Repository.CreateAsync(StrategyContent.Raw(Strategy, StrategyContent.Valid(Strategy, generation)), Ct);
            (await refresher.RefreshNowAsync(Strategy, Ct)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        }

        await done.CancelAsync();
        await Task.WhenAll(readerThreads);

        StrategyContent.GenerationOf(monitor.CurrentValue).Should().Be(swaps + 1);
        reads.Should().OnlyContain(n => n > 0);
        host.Metrics.Sum(Diagnostics.TradaiHostingMetrics.ChangesApplied).Should().Be(swaps + 1);
    }
}
