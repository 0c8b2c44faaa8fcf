using Amazon.DynamoDBv2;

namespace TradAI.Config.Aws.Hosting;

/// <summary>Code-only settings of the AWS backend that have no place in configuration.</summary>
public sealed class AwsTradaiBackendOptions
{
    /// <summary>Builds the version store's DynamoDB client; null builds one from <c>TradAI:Aws</c> and the environment.</summary>
    public Func<IServiceProvider, IAmazonDynamoDB>? DynamoDbClient { get; set; }

    /// <summary>Create the versions table (with its indexes and TTL) on first use when it is missing; off for services, whose table the stacks own.</summary>
    public bool CreateVersionsTableIfMissing { get; set; }
}
