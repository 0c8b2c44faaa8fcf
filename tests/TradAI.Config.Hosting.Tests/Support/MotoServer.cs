using System.Globalization;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// moto's server (in the machine image's Python) on a free port, for Secrets Manager: an independent implementation
/// of the real API, rotation stages included (<c>PutSecretValue</c> moves AWSCURRENT). Started by the test, stopped by id.
/// </summary>
internal sealed class MotoServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private MotoServer(ChildProcess process, int port)
    {
        _process = process;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public static async Task<MotoServer> StartAsync()
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)], Path.GetTempPath());
        var server = new MotoServer(process, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(server.Endpoint + "/moto-api/data.json"));
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (process.HasExited || DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"moto did not start:\n{process.Stderr}");
            }

            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
