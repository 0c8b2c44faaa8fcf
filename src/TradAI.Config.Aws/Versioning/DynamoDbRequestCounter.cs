using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using TradAI.Config.Aws.Clients;

namespace TradAI.Config.Aws.Versioning;

/// <summary>
/// Counts the DynamoDB requests a client sends, by API name (<c>GetItem</c>, <c>TransactWriteItems</c>…), retries included.
/// It is a handler in the SDK's runtime pipeline, after the retry handler, so each HTTP attempt counts once.
/// Used by the tests and the CLI's <c>--show-requests</c> to show what each operation costs.
/// </summary>
public sealed class DynamoDbRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Requests sent since the last <see cref="Reset"/>.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>Requests per API name since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    internal void Record(string operation) => _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    /// <summary>
    /// A DynamoDB client from <paramref name="factory"/>'s settings (region, endpoint, credentials) whose requests
    /// this counter sees.
    /// </summary>
    public IAmazonDynamoDB CreateCountingClient(AwsClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var config = new AmazonDynamoDBConfig();
        factory.Configure(config);
        return new CountingClient(factory.ResolveCredentials(), config, this);
    }

    private sealed class CountingClient(AWSCredentials credentials, AmazonDynamoDBConfig config, DynamoDbRequestCounter counter)
        : AmazonDynamoDBClient(credentials, config)
    {
        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<RetryHandler>(new CountingHandler(counter));
        }
    }

    private sealed class CountingHandler(DynamoDbRequestCounter counter) : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            counter.Record(Name(executionContext));
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            counter.Record(Name(executionContext));
            return base.InvokeAsync<T>(executionContext);
        }

        private static string Name(IExecutionContext context)
        {
            var name = context.RequestContext.OriginalRequest.GetType().Name;
            return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
        }
    }
}
