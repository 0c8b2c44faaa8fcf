using System.Diagnostics;
using System.Globalization;
using AwesomeAssertions;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// Two worker processes stream creates, activations, deprecations and rollbacks into one SQLite file and are
/// SIGKILLed mid-stream, again and again. After every kill the file must open cleanly and every invariant must hold.
/// </summary>
public sealed class SqliteCrashTests : IDisposable
{
    private const int Kills = 6;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Sigkilled_writers_never_leave_a_broken_store()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = Path.Combine(_folder.Path, "versions.db");
        const string strategy = "crash-test";
        var random = new Random(20261126);
        var totalOps = 0;
        List<ConfigVersion> all = [];

        for (var kill = 0; kill < Kills; kill++)
        {
            var workers = Enumerable.Range(0, 2).Select(w => StartWorker(database, strategy, seed: (kill * 2) + w)).ToList();
            try
            {
                // Let each worker commit a random number of steps, then kill it while it is writing the next one.
                var target = random.Next(5, 40);
                var counts = await Task.WhenAll(workers.Select(w => WaitForOpsAsync(w, target, ct)));
                totalOps += counts.Sum();
            }
            finally
            {
                foreach (var worker in workers)
                {
                    worker.Kill(); // SIGKILL on Unix: no finally blocks, no SQLite clean-up in the worker
                    await worker.WaitForExitAsync(ct);
                }
            }

            workers.Should().OnlyContain(w => w.HasExited && w.ExitCode != 0, "the worker was killed, not finished");

            // A fresh repository (fresh connections) sees a clean file and a consistent store.
            var repository = new SqliteConfigVersionRepository(database);
            (await repository.CheckIntegrityAsync(ct)).Should().BeEmpty();
            all = await ConfigVersionInvariants.AssertAsync(new ConfigVersionService(repository), strategy, ct);
            all.Should().NotBeEmpty();
        }

        totalOps.Should().BeGreaterThan(Kills * 2 * 5);
        all.Should().Contain(v => v.SupersededBy != null, "the stream activated versions over active ones");
        all.Should().Contain(v => v.Status == ConfigVersionStatus.Deprecated && v.SupersededBy == null, "the stream deprecated versions explicitly");
    }

    private static Process StartWorker(string database, string strategy, int seed)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WorkerPath());
        info.ArgumentList.Add(database);
        info.ArgumentList.Add(strategy);
        info.ArgumentList.Add(seed.ToString(CultureInfo.InvariantCulture));
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash worker");
    }

    private static async Task<int> WaitForOpsAsync(Process worker, int target, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var ops = 0;
        while (ops < target)
        {
            var line = await worker.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                var error = await worker.StandardError.ReadToEndAsync(ct);
                throw new InvalidOperationException($"crash worker exited early: {error}");
            }

            if (line.StartsWith("op ", StringComparison.Ordinal))
            {
                ops++;
            }
        }

        return ops;
    }

    private static string WorkerPath()
    {
        // Same configuration as this test assembly (…/bin/<Configuration>/net10.0/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(EmulatorEndpoints.RepositoryRoot, "tests", "TradAI.Config.VersionCrashWorker", "bin", configuration, "net10.0", "TradAI.Config.VersionCrashWorker.dll");
        File.Exists(path).Should().BeTrue($"the crash worker is built with the tests ({path})");
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
