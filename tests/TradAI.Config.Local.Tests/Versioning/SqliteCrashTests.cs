using System.Globalization;
using AwesomeAssertions;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// Worker processes (<see cref="CrashWorker"/>) write into one SQLite file and are SIGKILLed: inside a step that has
/// written and not committed, right after commits, and at random moments mid-stream. Each worker reports every call
/// after it returned; afterwards the file must open cleanly, every call reported as committed must still be there,
/// nothing uncommitted may be visible, and every invariant must hold.
/// </summary>
public sealed class SqliteCrashTests : IDisposable
{
    private const string Strategy = "crash-test";

    /// <summary>Kill rounds of the mid-stream test: 4, or <c>TRADAI_CRASH_KILLS</c> for a longer soak.</summary>
    private static readonly int Kills =
        int.TryParse(Environment.GetEnvironmentVariable("TRADAI_CRASH_KILLS"), NumberStyles.None, CultureInfo.InvariantCulture, out var kills) && kills > 0 ? kills : 4;

    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder.Path, "versions.db");

    [Theory]
    [InlineData("create", 11)]
    [InlineData("activate", 12)]
    [InlineData("deprecate", 13)]
    [InlineData("rollback", 14)]
    public async Task A_step_killed_between_its_writes_and_its_commit_leaves_no_trace(string step, int seed)
    {
        await using var worker = CrashWorker.Start(Database, Strategy, seed, "in-transaction", "8", step);
        var written = await worker.ReadUntilAsync(CrashWorkerLine.Written, Ct);
        var committed = Replay(worker.Committed);

        written.Op.Should().Be(step);
        Statuses(committed).Should().NotEqual(written.Statuses, "the step had written inside its transaction when it stopped");
        (await ReadStoreAsync()).Should().BeEquivalentTo(committed, "another connection never sees a step before its commit");

        await worker.KillAsync(Ct);

        (await ReadStoreAsync()).Should().BeEquivalentTo(committed, "every reported commit survives and the killed step left nothing");
        var next = await new ConfigVersionService(new SqliteConfigVersionRepository(Database)).CreateAsync(
            Strategy, StrategyContent.Valid(("after", "the kill")), "test", Ct);
        next.Version.VersionNumber.Should().Be(committed.Values.Max(v => v.VersionNumber) + 1,
            "the number the killed step took is free again, and its write lock died with it");
    }

    [Fact]
    public async Task A_worker_killed_right_after_its_commits_keeps_every_one_of_them()
    {
        await using var worker = CrashWorker.Start(Database, Strategy, seed: 21, "after-commit", "30");
        await worker.ReadUntilAsync(CrashWorkerLine.Paused, Ct);

        await worker.KillAsync(Ct);

        worker.Committed.Should().HaveCountGreaterThanOrEqualTo(30);
        worker.Committed.Select(c => c.Op).Should().Contain(["create", "activate", "deprecate", "rollback"]);
        (await ReadStoreAsync()).Should().BeEquivalentTo(Replay(worker.Committed));
    }

    [Fact]
    public async Task Concurrent_writers_killed_mid_stream_keep_every_call_they_reported_committed()
    {
        var random = new Random(20261126);
        List<CrashWorkerLine> reported = [];
        var killed = 0;
        Dictionary<string, VersionState> stored = [];

        for (var kill = 0; kill < Kills; kill++)
        {
            await using var first = CrashWorker.Start(Database, Strategy, (kill * 2) + 1, "stream");
            await using var second = CrashWorker.Start(Database, Strategy, (kill * 2) + 2, "stream");
            CrashWorker[] workers = [first, second];

            // Let each worker commit a random number of calls, then kill it wherever it is in the next one.
            var target = random.Next(5, 40);
            await Task.WhenAll(workers.Select(w => w.ReadCommittedAsync(target, Ct)));
            foreach (var worker in workers)
            {
                await worker.KillAsync(Ct);
                reported.AddRange(worker.Committed);
                killed++;
            }

            stored = await ReadStoreAsync();
            foreach (var version in reported.SelectMany(r => r.Versions))
            {
                stored.Should().ContainKey(version.ConfigId, "a version a worker reported as committed is still there");
                version.MayBecome(stored[version.ConfigId]).Should().BeTrue(
                    $"{version.ConfigId} was reported as {version.Status} and is now {stored[version.ConfigId].Status}: the lifecycle only moves forward, what a commit stamped stays");
            }

            // A killed worker may have committed one last call without living to report it: at most one new version each.
            stored.Keys.Except(reported.SelectMany(r => r.Versions).Select(v => v.ConfigId)).Should().HaveCountLessThanOrEqualTo(killed);
        }

        reported.Should().HaveCountGreaterThan(Kills * 2 * 5);
        stored.Values.Should().Contain(v => v.SupersededBy != null, "the stream activated versions over active ones");
        stored.Values.Should().Contain(v => v.Status == ConfigVersionStatus.Deprecated && v.SupersededBy == null, "the stream deprecated versions explicitly");
    }

    /// <summary>What the store holds after the calls a single worker reported, in the order it reported them.</summary>
    private static Dictionary<string, VersionState> Replay(IEnumerable<CrashWorkerLine> committed)
    {
        var model = new Dictionary<string, VersionState>(StringComparer.Ordinal);
        foreach (var version in committed.SelectMany(c => c.Versions))
        {
            model[version.ConfigId] = version;
        }

        return model;
    }

    private static Dictionary<string, ConfigVersionStatus> Statuses(Dictionary<string, VersionState> versions) =>
        versions.ToDictionary(kv => kv.Key, kv => kv.Value.Status, StringComparer.Ordinal);

    /// <summary>Every version, through a fresh repository (fresh connections), after an integrity and an invariants check.</summary>
    private async Task<Dictionary<string, VersionState>> ReadStoreAsync()
    {
        var repository = new SqliteConfigVersionRepository(Database);
        (await repository.CheckIntegrityAsync(Ct)).Should().BeEmpty();
        var all = await ConfigVersionInvariants.AssertAsync(new ConfigVersionService(repository), Strategy, Ct);
        return all.ToDictionary(v => v.ConfigId, VersionState.Of, StringComparer.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
