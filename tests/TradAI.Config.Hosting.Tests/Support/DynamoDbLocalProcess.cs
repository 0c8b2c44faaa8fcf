using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TradAI.Config.Testing;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// A DynamoDB Local of this test's own, on a free port, persisting to a folder (<c>-dbPath</c>) so it can be stopped
/// — an outage — and started again on the same port with its data, without touching the suite's shared emulator.
/// Launched as <c>scripts/emulators.sh</c> launches it; the jar comes from <c>TRADAI_TOOLS_DIR</c> or the repository's <c>.tools</c>.
/// </summary>
internal sealed class DynamoDbLocalProcess : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tradai-ddb-").FullName;
    private ChildProcess? _process;

    private DynamoDbLocalProcess(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The emulator folder <c>scripts/emulators.sh start</c> installed (<see cref="EmulatorEndpoints.DynamoDbLocalDirectory"/>).</summary>
    public static string EmulatorDirectory =>
        File.Exists(Path.Combine(EmulatorEndpoints.DynamoDbLocalDirectory, "DynamoDBLocal.jar"))
            ? EmulatorEndpoints.DynamoDbLocalDirectory
            : throw new InvalidOperationException($"DynamoDB Local is not installed in {EmulatorEndpoints.DynamoDbLocalDirectory}: run scripts/emulators.sh start (scripts/test.sh does it)");

    public static async Task<DynamoDbLocalProcess> StartAsync()
    {
        var instance = new DynamoDbLocalProcess(FreePort.Next());
        await instance.StartAgainAsync();
        return instance;
    }

    /// <summary>A client that does not retry, so a stopped emulator fails fast.</summary>
    public AmazonDynamoDBClient CreateClient() => new(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig
    {
        ServiceURL = Endpoint,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(5),
    });

    /// <summary>Starts (again) on the same port and data folder; returns when it answers.</summary>
    public async Task StartAgainAsync()
    {
        var emulator = EmulatorDirectory;
        _process = ChildProcess.Start(
            "java",
            [$"-Djava.library.path={Path.Combine(emulator, "DynamoDBLocal_lib")}", "-jar", Path.Combine(emulator, "DynamoDBLocal.jar"),
                "-sharedDb", "-disableTelemetry", "-dbPath", _dataDirectory, "-port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            _dataDirectory,
            new Dictionary<string, string?> { ["DDB_LOCAL_TELEMETRY"] = "0" });
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the emulator (its data stays in the folder).</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync(TimeSpan.FromSeconds(10));
            await process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
