using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace TradAI.Infra.Tests.DeployedWorld;

/// <summary>
/// Creates a table exactly as an <c>AWS::DynamoDB::Table</c> of a synthesized template writes it: KeySchema,
/// AttributeDefinitions, billing, GSIs and LSIs copied field by field, then its TimeToLiveSpecification. Nothing comes
/// from the code under test, so the table is what CloudFormation would create.
/// </summary>
internal static class TemplateTable
{
    /// <summary>Properties that describe the table's shape and are copied; the others (tags, encryption, backups) do not change it.</summary>
    private static readonly HashSet<string> Copied = ["TableName", "KeySchema", "AttributeDefinitions", "BillingMode", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "TimeToLiveSpecification"];

    private static readonly HashSet<string> NotShape = ["Tags", "SSESpecification", "PointInTimeRecoverySpecification"];

    public static async Task CreateAsync(IAmazonDynamoDB client, JsonElement properties, CancellationToken ct)
    {
        var unexpected = properties.EnumerateObject().Select(p => p.Name).Where(n => !Copied.Contains(n) && !NotShape.Contains(n)).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException($"the template's table has properties this copy does not know: {string.Join(", ", unexpected)}");
        }

        var name = properties.GetProperty("TableName").GetString()!;
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = new BillingMode(properties.GetProperty("BillingMode").GetString()),
            KeySchema = Keys(properties.GetProperty("KeySchema")),
            AttributeDefinitions = [.. properties.GetProperty("AttributeDefinitions").EnumerateArray()
                .Select(a => new AttributeDefinition(a.GetProperty("AttributeName").GetString(), new ScalarAttributeType(a.GetProperty("AttributeType").GetString())))],
            GlobalSecondaryIndexes = properties.TryGetProperty("GlobalSecondaryIndexes", out var gsis)
                ? [.. gsis.EnumerateArray().Select(i => new GlobalSecondaryIndex { IndexName = i.GetProperty("IndexName").GetString(), KeySchema = Keys(i.GetProperty("KeySchema")), Projection = Projection(i) })]
                : null,
            LocalSecondaryIndexes = properties.TryGetProperty("LocalSecondaryIndexes", out var lsis)
                ? [.. lsis.EnumerateArray().Select(i => new LocalSecondaryIndex { IndexName = i.GetProperty("IndexName").GetString(), KeySchema = Keys(i.GetProperty("KeySchema")), Projection = Projection(i) })]
                : null,
        }, ct);

        for (var i = 0; (await client.DescribeTableAsync(name, ct)).Table.TableStatus != TableStatus.ACTIVE; i++)
        {
            if (i > 100)
            {
                throw new TimeoutException($"table {name} did not become active");
            }

            await Task.Delay(100, ct);
        }

        if (properties.TryGetProperty("TimeToLiveSpecification", out var ttl))
        {
            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = name,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl.GetProperty("AttributeName").GetString(), Enabled = ttl.GetProperty("Enabled").GetBoolean() },
            }, ct);
        }
    }

    private static List<KeySchemaElement> Keys(JsonElement schema) =>
        [.. schema.EnumerateArray().Select(k => new KeySchemaElement(k.GetProperty("AttributeName").GetString(), new KeyType(k.GetProperty("KeyType").GetString())))];

    private static Projection Projection(JsonElement index)
    {
        var projection = index.GetProperty("Projection");
        return new Projection
        {
            ProjectionType = new ProjectionType(projection.GetProperty("ProjectionType").GetString()),
            NonKeyAttributes = projection.TryGetProperty("NonKeyAttributes", out var attrs) ? [.. attrs.EnumerateArray().Select(a => a.GetString()!)] : null,
        };
    }
}
