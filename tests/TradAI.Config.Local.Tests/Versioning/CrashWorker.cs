using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Testing;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// One crash worker process (tests/TradAI.Config.VersionCrashWorker) writing into a SQLite version store: its
/// stdout read line by line, and SIGKILLed when the test says. Every call it reported as committed is kept in
/// <see cref="Committed"/>, in the order it returned.
/// </summary>
internal sealed class CrashWorker : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private CrashWorker(Process process) => _process = process;

    public List<CrashWorkerLine> Committed { get; } = [];

    /// <summary>Starts a worker; <paramref name="mode"/> as the worker's usage says (<c>stream</c>, <c>after-commit 12</c>…).</summary>
    public static CrashWorker Start(string database, string strategy, int seed, params string[] mode)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, // the worker exits when it closes
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[WorkerPath(), database, strategy, seed.ToString(CultureInfo.InvariantCulture), .. mode])
        {
            info.ArgumentList.Add(arg);
        }

        return new CrashWorker(Process.Start(info) ?? throw new InvalidOperationException("could not start the crash worker"));
    }

    /// <summary>Reads until a line of <paramref name="kind"/> and returns it.</summary>
    public async Task<CrashWorkerLine> ReadUntilAsync(string kind, CancellationToken ct)
    {
        while (true)
        {
            var line = await NextAsync(ct) ?? throw new InvalidOperationException($"the crash worker exited before '{kind}': {await _process.StandardError.ReadToEndAsync(ct)}");
            if (line.Kind == kind)
            {
                return line;
            }
        }
    }

    /// <summary>Reads until the worker has reported <paramref name="count"/> more committed calls.</summary>
    public async Task ReadCommittedAsync(int count, CancellationToken ct)
    {
        for (var target = Committed.Count + count; Committed.Count < target;)
        {
            await ReadUntilAsync(CrashWorkerLine.Committed, ct);
        }
    }

    /// <summary>SIGKILL (no finally blocks, no SQLite clean-up), then the reports it flushed before dying.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        _process.Kill();
        await _process.WaitForExitAsync(ct);
        _process.ExitCode.Should().Be(137, "the worker dies of SIGKILL (128 + 9), not of an error of its own");
        while (await NextAsync(ct) is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<CrashWorkerLine?> NextAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(LineTimeout);
        var text = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (text is null)
        {
            return null;
        }

        CrashWorkerLine line;
        try
        {
            line = CrashWorkerLine.Parse(text);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            // A kill can land in the middle of writing a line: a torn last line is no report. Anything else is a bug.
            if (await _process.StandardOutput.ReadLineAsync(timeout.Token) is null)
            {
                return null;
            }

            throw;
        }

        if (line.Kind == CrashWorkerLine.Committed)
        {
            Committed.Add(line);
        }

        return line;
    }

    private static string WorkerPath()
    {
        // Same configuration as this test assembly (…/bin/<Configuration>/net10.0/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(EmulatorEndpoints.RepositoryRoot, "tests", "TradAI.Config.VersionCrashWorker", "bin", configuration, "net10.0", "TradAI.Config.VersionCrashWorker.dll");
        File.Exists(path).Should().BeTrue($"the crash worker is built with the tests ({path})");
        return path;
    }
}
