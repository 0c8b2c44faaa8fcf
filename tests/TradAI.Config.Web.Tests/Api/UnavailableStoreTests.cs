using System.Net;
using AwesomeAssertions;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Api;

/// <summary>A store that cannot be opened: health says so (503), and so does every API call, as a problem.</summary>
public sealed class UnavailableStoreTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tradai-console-down-").FullName;
    private readonly ConsoleFactory _factory;

    public UnavailableStoreTests()
    {
        // A regular file where the database folder should be: SQLite can neither create nor open the store.
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "x");
        var stores = new ConsoleStores(new SqliteConfigVersionRepository(Path.Combine(blocker, "versions.db")), null, "sqlite: unavailable");
        _factory = new ConsoleFactory(stores, ConsoleFactory.TestOptions());
    }

    [Fact]
    public async Task Health_is_503_naming_nothing_and_api_calls_are_503_problems_when_the_store_is_unavailable()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.LocalToken);

        using var health = await client.GetAsync("/health", ct);
        using var active = await client.GetAsync("/api/strategies/momentum/active", ct);

        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync(ct)).Should().Contain("\"status\":\"unavailable\"").And.NotContain("not-a-folder", "anonymous callers learn nothing about the store");
        active.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        active.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
