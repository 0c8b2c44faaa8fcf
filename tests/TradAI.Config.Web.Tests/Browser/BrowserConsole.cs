using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Browser;

/// <summary>
/// The console on a real Kestrel port (SQLite store) and Debian's Chromium driven by Playwright: no browser download,
/// <c>scripts/install-console-tools.sh</c> (run by <c>scripts/test.sh</c>) installs <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserConsole : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SqliteBackend _backend = new();
    private IPlaywright? _playwright;

    public ConsoleFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-console-tools.sh (scripts/test.sh does)");
        }

        Factory = new ConsoleFactory(await _backend.OpenAsync(), ConsoleFactory.TestOptions());
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A client for seeding data through the API on the same server.</summary>
    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.LocalToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        await _backend.DisposeAsync();
    }
}
