using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradAI.Cli.Tests.Commands;

/// <summary><c>tradai serve</c> as a user starts it: a child process on a free loopback port, signed in with the token it prints.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("tradai-serve-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_prints_a_sign_in_token_answers_the_api_with_it_and_stops_cleanly_on_SIGTERM()
    {
        using var process = Start(["serve", "--store", _store, "--urls", "http://127.0.0.1:0"], token: null);
        var (address, token) = await ReadSignInAsync(process);
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/strategies", Ct)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/strategies") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);

        await StopAsync(process);
    }

    [Fact]
    public async Task With_keys_dir_a_browser_session_survives_a_restart_of_serve()
    {
        var keys = Path.Combine(_store, "keys");
        string cookie;
        using (var first = Start(["serve", "--store", _store, "--urls", "http://127.0.0.1:0", "--keys-dir", keys], token: "a-token-of-twenty-chars"))
        {
            var (address, _) = await ReadSignInAsync(first);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
            using var login = await http.GetAsync("/login?token=a-token-of-twenty-chars", Ct);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tradai_console=", StringComparison.Ordinal)).Split(';')[0];
            await StopAsync(first);
        }

        Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }

        using var second = Start(["serve", "--store", _store, "--urls", "http://127.0.0.1:0"], token: "a-token-of-twenty-chars", ("TRADAI_CONSOLE_KEYS_DIR", keys));
        var (again, _) = await ReadSignInAsync(second);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(again) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/strategies") { Headers = { { "Cookie", cookie } } };
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await StopAsync(second);
    }

    [Fact]
    public async Task A_keys_dir_that_cannot_be_a_folder_is_a_usage_error()
    {
        var file = Path.Combine(_store, "a-file");
        await File.WriteAllTextAsync(file, "x", Ct);

        var run = await CliProcess.RunAsync(["serve", "--store", _store, "--urls", "http://127.0.0.1:0", "--keys-dir", Path.Combine(file, "keys")], new Dictionary<string, string?>());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--keys-dir: cannot use '{Path.Combine(file, "keys")}' as the key folder: a part of the path is a file or cannot be created", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_short_console_token_is_a_usage_error()
    {
        var run = await CliProcess.RunAsync(["serve", "--store", _store, "--urls", "http://127.0.0.1:0"], new Dictionary<string, string?> { ["TRADAI_CONSOLE_TOKEN"] = "short" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TRADAI_CONSOLE_TOKEN must be at least", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("short", run.Stderr.Replace("TRADAI_CONSOLE_TOKEN", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
    }

    private static Process Start(string[] args, string? token, params (string Name, string Value)[] environment)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tradai.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["TRADAI_CONSOLE_TOKEN"] = token;
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        return Process.Start(psi)!;
    }

    /// <summary>Reads stderr up to the sign-in line: <c>sign in: http://127.0.0.1:PORT/login?token=TOKEN</c>.</summary>
    private static async Task<(string Address, string Token)> ReadSignInAsync(Process process)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (SignIn().Match(line) is { Success: true } match)
            {
                _ = process.StandardError.ReadToEndAsync(Ct); // keep draining so the server never blocks on a full pipe
                return (match.Groups["address"].Value, match.Groups["token"].Value);
            }
        }

        throw new InvalidOperationException($"tradai serve exited ({process.ExitCode}) before printing its sign-in link:\n{string.Join('\n', seen)}");
    }

    // The token itself when serve generated it, else the variable's name in angle brackets.
    [GeneratedRegex(@"sign in: (?<address>http://[^/\s]+)/login\?token=(?<token>[A-Za-z0-9_\-]+|<TRADAI_CONSOLE_TOKEN>)")]
    private static partial Regex SignIn();
}
