using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TradAI.Config.Testing.Support;

/// <summary>
/// Runs the real <c>tradai</c> program (the <c>tradai.dll</c> a test project gets by referencing TradAI.Cli) as a child
/// process and captures stdout, stderr and the exit code.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>A run with its peak resident memory and wall time as GNU time measured them.</summary>
    public sealed record Measured(Result Result, long PeakRssKiB, TimeSpan Elapsed);

    /// <summary>GNU time, where the machine has it (Debian's <c>time</c> package).</summary>
    public static bool CanMeasure => File.Exists("/usr/bin/time");

    public static Task<Result> RunAsync(string[] args, IDictionary<string, string?>? environment = null, string? stdin = null, string? workingDirectory = null) =>
        RunAsync(args, environment, stdin is null ? null : Encoding.UTF8.GetBytes(stdin), workingDirectory, prefix: null);

    /// <summary>Runs under <c>/usr/bin/time</c> to learn the child's peak RSS (the figure a memory bomb inflates).</summary>
    public static async Task<Measured> RunMeasuredAsync(string[] args, byte[]? stdin = null)
    {
        var report = Path.GetTempFileName();
        try
        {
            var result = await RunAsync(args, null, stdin, null, prefix: ["/usr/bin/time", "-f", "%M %e", "-o", report]);
            var fields = (await File.ReadAllTextAsync(report)).Trim().Split('\n')[^1].Split(' ');
            return new Measured(result, long.Parse(fields[0], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(fields[1], CultureInfo.InvariantCulture)));
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Runs with raw bytes on standard input (to send what is not valid UTF-8).</summary>
    public static Task<Result> RunAsync(string[] args, byte[] stdin) => RunAsync(args, null, stdin, null, prefix: null);

    private static async Task<Result> RunAsync(string[] args, IDictionary<string, string?>? environment, byte[]? stdin, string? workingDirectory, string[]? prefix)
    {
        var psi = new ProcessStartInfo(prefix?[0] ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        if (prefix is not null)
        {
            foreach (var p in prefix[1..])
            {
                psi.ArgumentList.Add(p);
            }

            psi.ArgumentList.Add("dotnet");
        }

        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tradai.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("TRADAI_CONFIG_DIR");
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(stdin);
            }
            catch (IOException)
            {
                // The program stopped reading (e.g. it refused the input early): what it did is what the test checks.
            }
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        // A hang guard, not a speed target: 20 JIT-compiled processes at once on a loaded 2-core machine take their time.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
