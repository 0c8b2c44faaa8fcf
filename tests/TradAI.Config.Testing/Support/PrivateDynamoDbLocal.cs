using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TradAI.Config.Testing.Support;

/// <summary>
/// A DynamoDB Local of one's own (in memory, on a free loopback port), for a test that must see every table that
/// exists: the shared emulator holds every other test's tables. Started from the jar scripts/emulators.sh installed;
/// stopped and its scratch folder deleted on dispose.
/// </summary>
public sealed class PrivateDynamoDbLocal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDirectory;

    private PrivateDynamoDbLocal(Process process, string workDirectory, string endpoint)
    {
        _process = process;
        _workDirectory = workDirectory;
        Endpoint = endpoint;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Starts the server and waits (at most 60 s) until it answers.</summary>
    public static async Task<PrivateDynamoDbLocal> StartAsync(CancellationToken cancellationToken = default)
    {
        var home = EmulatorEndpoints.DynamoDbLocalDirectory;
        var jar = Path.Combine(home, "DynamoDBLocal.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"DynamoDB Local is not installed at {home}: run 'scripts/emulators.sh start' (scripts/test.sh does it).");
        }

        var port = FreePort();
        var work = Directory.CreateTempSubdirectory("tradai-ddb-local-").FullName;
        var psi = new ProcessStartInfo("java")
        {
            WorkingDirectory = work,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[$"-Djava.library.path={Path.Combine(home, "DynamoDBLocal_lib")}", "-jar", jar, "-inMemory", "-sharedDb", "-disableTelemetry", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["DDB_LOCAL_TELEMETRY"] = "0";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start java for DynamoDB Local");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrivateDynamoDbLocal(process, work, $"http://127.0.0.1:{port}");
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited during start-up with code {_process.ExitCode}");
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
