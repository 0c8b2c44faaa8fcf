using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace TradAI.Config.Aws.Tests.Versioning;

/// <summary>
/// A DynamoDB client for contention tests. <see cref="InterfereBeforeNextTransaction"/> runs a competing write just
/// before this client's next <c>TransactWriteItems</c> leaves, so that transaction was planned on state that is stale when
/// it arrives and only a retry can succeed; <see cref="Transactions"/> records how each transaction ended, as DynamoDB said.
/// </summary>
public sealed class InterferingDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : AmazonDynamoDBClient(credentials, config)
{
    private Func<Task>? _interference;

    /// <summary>"committed", or "cancelled: " and the cancellation reason codes, one entry per transaction sent.</summary>
    public ConcurrentQueue<string> Transactions { get; } = new();

    /// <summary>Runs <paramref name="competingWrite"/> once, before the next transaction is sent.</summary>
    public void InterfereBeforeNextTransaction(Func<Task> competingWrite) => _interference = competingWrite;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerAfter<RetryHandler>(new Handler(this));
    }

    private sealed class Handler(InterferingDynamoDbClient owner) : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            if (executionContext.RequestContext.OriginalRequest is not TransactWriteItemsRequest)
            {
                return await base.InvokeAsync<T>(executionContext);
            }

            if (Interlocked.Exchange(ref owner._interference, null) is { } interference)
            {
                await interference();
            }

            try
            {
                var response = await base.InvokeAsync<T>(executionContext);
                owner.Transactions.Enqueue("committed");
                return response;
            }
            catch (TransactionCanceledException ex)
            {
                owner.Transactions.Enqueue("cancelled: " + string.Join(",", ex.CancellationReasons.Select(r => r.Code)));
                throw;
            }
        }
    }
}
