using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Api;

/// <summary>The API contract on DynamoDB Local (the cloud's version store) beside a config folder.</summary>
public sealed class DynamoDbConsoleApiTests(ConsoleFixture<DynamoDbBackend> fixture)
    : ConsoleApiContract<DynamoDbBackend>(fixture), IClassFixture<ConsoleFixture<DynamoDbBackend>>;
