using System.Net;
using AwesomeAssertions;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Security;
using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Api;

/// <summary>
/// Where the keys that sign sessions live: consoles sharing <see cref="ConsoleOptions.KeysDirectory"/> (replicas behind a
/// load balancer, a restart) accept each other's session cookies; consoles keeping their keys in memory do not.
/// </summary>
public sealed class SessionKeysTests(ConsoleFixture<SqliteBackend> fixture) : IClassFixture<ConsoleFixture<SqliteBackend>>, IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("tradai-keys-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_started_on_one_replica_is_accepted_by_another_sharing_the_key_folder()
    {
        await using var first = Replica(_keys.FullName);
        await using var second = Replica(_keys.FullName);

        var cookie = await SignInAsync(first);

        (await StatusWithCookieAsync(second, cookie)).Should().Be(HttpStatusCode.OK);
        _keys.GetFiles("key-*.xml").Should().ContainSingle("the first console made one key and the second used it");
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_a_console_with_a_key_folder()
    {
        string cookie;
        await using (var before = Replica(_keys.FullName))
        {
            cookie = await SignInAsync(before);
        }

        await using var after = Replica(_keys.FullName);
        (await StatusWithCookieAsync(after, cookie)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_key_folder_another_console_rejects_the_session_cookie()
    {
        await using var first = Replica(keys: null);
        await using var second = Replica(keys: null);

        var cookie = await SignInAsync(first);

        (await StatusWithCookieAsync(first, cookie)).Should().Be(HttpStatusCode.OK);
        (await StatusWithCookieAsync(second, cookie)).Should().Be(HttpStatusCode.Unauthorized);
        _keys.GetFiles().Should().BeEmpty();
    }

    public void Dispose() => _keys.Delete(recursive: true);

    private ConsoleFactory Replica(string? keys) =>
        new(fixture.Stores, ConsoleFactory.TestOptions(o => o with { KeysDirectory = keys }));

    /// <summary>Signs in with the local token as a browser does and returns the session cookie (<c>name=value</c>).</summary>
    private static async Task<string> SignInAsync(ConsoleFactory console)
    {
        using var client = console.Client(bearer: null);
        using var login = await client.GetAsync($"/login?token={TestTokens.LocalToken}", Ct);
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleSchemes.CookieName + "=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpStatusCode> StatusWithCookieAsync(ConsoleFactory console, string cookie)
    {
        using var client = console.Client(bearer: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/strategies") { Headers = { { "Cookie", cookie } } };
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
