using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Api;

/// <summary>The API contract on the embedded stores: a config folder and SQLite.</summary>
public sealed class SqliteConsoleApiTests(ConsoleFixture<SqliteBackend> fixture)
    : ConsoleApiContract<SqliteBackend>(fixture), IClassFixture<ConsoleFixture<SqliteBackend>>;
