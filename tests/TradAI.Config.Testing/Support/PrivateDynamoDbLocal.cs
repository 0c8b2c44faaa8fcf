using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TradAI.Config.Testing.Support;

/// <summary>
/// A DynamoDB Local of one's own on a free loopback port, started from the jar scripts/emulators.sh installed: for a
/// test that must see every table that exists (the shared emulator holds every other test's tables), or one that
/// stops the database to stage an outage. With <c>persistent</c> the data lives in a folder (<c>-dbPath</c>), so
/// <see cref="StopAsync"/> then <see cref="StartAgainAsync"/> brings it back on the same port with its tables.
/// Disposing stops it and deletes its scratch folder.
/// </summary>
public sealed class PrivateDynamoDbLocal : IAsyncDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("tradai-ddb-local-").FullName;
    private readonly bool _persistent;
    private Process? _process;

    private PrivateDynamoDbLocal(int port, bool persistent)
    {
        Port = port;
        _persistent = persistent;
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Starts the server and waits (at most 60 s) until it answers.</summary>
    /// <param name="persistent">Keep the data in a folder across <see cref="StopAsync"/> / <see cref="StartAgainAsync"/> (else in memory).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<PrivateDynamoDbLocal> StartAsync(bool persistent = false, CancellationToken cancellationToken = default)
    {
        var server = new PrivateDynamoDbLocal(FreePort(), persistent);
        try
        {
            await server.StartAgainAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (again) on the same port — and, when persistent, with the same data; returns when it answers.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var home = EmulatorEndpoints.DynamoDbLocalDirectory;
        var jar = Path.Combine(home, "DynamoDBLocal.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"DynamoDB Local is not installed at {home}: run 'scripts/emulators.sh start' (scripts/test.sh does it).");
        }

        var psi = new ProcessStartInfo("java")
        {
            WorkingDirectory = _workDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] storage = _persistent ? ["-dbPath", _workDirectory] : ["-inMemory"];
        foreach (var arg in (string[])[$"-Djava.library.path={Path.Combine(home, "DynamoDBLocal_lib")}", "-jar", jar, .. storage, "-sharedDb", "-disableTelemetry", "-port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["DDB_LOCAL_TELEMETRY"] = "0";
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start java for DynamoDB Local");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(_process, cancellationToken);
    }

    /// <summary>Stops the server (a persistent one keeps its data for <see cref="StartAgainAsync"/>).</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited during start-up with code {process.ExitCode}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
                {
                    Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
                };
                request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");
                using var response = await http.SendAsync(request, cancellationToken);
                return; // Any answer, even an authorization error, means it is serving.
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
