using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Tests.Support;

/// <summary>One console (test host) on fresh stores per test class; tests use strategies of their own.</summary>
public class ConsoleFixture<TBackend> : IAsyncLifetime
    where TBackend : ConsoleBackend, new()
{
    public TBackend Backend { get; } = new();

    public ConsoleFactory Factory { get; private set; } = null!;

    public ConsoleStores Stores { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Stores = await Backend.OpenAsync();
        Factory = new ConsoleFactory(Stores, ConsoleFactory.TestOptions());
    }

    /// <inheritdoc cref="ConsoleFactory.Client"/>
    public HttpClient Client(string? bearer = TestTokens.LocalToken) => Factory.Client(bearer);

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Factory.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
