using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Tests.Support;

/// <summary>
/// The console in a test host (<see cref="WebApplicationFactory{TEntryPoint}"/>), composed exactly as <c>tradai serve</c>
/// composes it (<see cref="ConsoleApp.AddTradaiConsole"/> + <see cref="ConsoleApp.UseTradaiConsole"/>) on real stores.
/// </summary>
public sealed class ConsoleFactory(ConsoleStores stores, ConsoleOptions options) : WebApplicationFactory<ConsoleFactory>
{
    static ConsoleFactory()
    {
        // The console serves no files: its content root is the test output folder, not a project folder to look for.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRADAI_CONFIG_WEB_TESTS", AppContext.BaseDirectory);
    }

    public ConsoleOptions Options => options;

    /// <summary>The options the tests run with: a known local token, the test user pool, the CLI's input bounds.</summary>
    public static ConsoleOptions TestOptions(Func<ConsoleOptions, ConsoleOptions>? change = null)
    {
        var o = new ConsoleOptions { Token = TestTokens.LocalToken, LocalUser = "local-ops", Jwt = TestTokens.Jwt };
        return change is null ? o : change(o);
    }

    /// <summary>A client that sends <paramref name="bearer"/> (none when null), does not follow redirects and keeps no cookies.</summary>
    public HttpClient Client(string? bearer = TestTokens.LocalToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHost(web => web
                .ConfigureServices(services => services.AddTradaiConsole(stores, options))
                .Configure(app => app.UseTradaiConsole()));
}
