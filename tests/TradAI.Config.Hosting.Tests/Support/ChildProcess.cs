using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// A process this test started (an emulator, the sample worker), with its output captured line by line. It is stopped
/// by its own id only: SIGTERM first, SIGKILL if it does not exit in time.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineAdded = new(0);

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[key] = value;
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnStderr(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The stdout lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until a stdout line (counting from <paramref name="fromIndex"/>) matches; returns its index.</summary>
    public async Task<int> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, int fromIndex = 0)
    {
        using var cts = new CancellationTokenSource(timeout);
        var next = fromIndex;
        while (true)
        {
            var lines = Lines;
            for (; next < lines.Count; next++)
            {
                if (match(lines[next]))
                {
                    return next;
                }
            }

            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(CancellationToken.None);
                lines = Lines;
                for (; next < lines.Count; next++)
                {
                    if (match(lines[next]))
                    {
                        return next;
                    }
                }

                throw new InvalidOperationException($"process exited ({_process.ExitCode}) before the line appeared.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            try
            {
                await _lineAdded.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching line within {timeout}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a container runtime or systemd does to stop a service.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Stops the process: SIGTERM, then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        Terminate();
        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
        _lineAdded.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _stdout.AppendLine(line);
            _lines.Add(line);
        }

        _lineAdded.Release();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _stderr.AppendLine(line);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled for the project; one blittable call does not.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
