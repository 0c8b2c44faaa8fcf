using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using A = TradAI.Config.Aws.Versioning.DynamoDbVersionTable.Attributes;
using S = TradAI.Config.Aws.Versioning.DynamoDbVersionTable.StateAttributes;

namespace TradAI.Config.Aws.Versioning;

/// <summary>
/// Config versions in DynamoDB. GSI reads are eventually consistent, so the invariants rest on one strongly consistent
/// per-strategy state item (sort key <c>#state</c>) holding the next version number, a copy of the active version and
/// hash → id markers of the draft/active versions. Every write is one <c>TransactWriteItems</c> that changes the
/// version items and the state item together under condition expressions on what was read; a lost race cancels the
/// whole transaction and the step is re-read and retried. Uncontended costs: create 2 requests, activate 2, get-active 1.
/// </summary>
public sealed class DynamoDbConfigVersionRepository : IConfigVersionRepository, IDisposable
{
    private const int MaxAttempts = 200;
    private const string TokenPrefix = "ddb1:";

    private readonly IAmazonDynamoDB _client;
    private readonly bool _createTableIfMissing;
    private readonly SemaphoreSlim _ensureLock = new(1, 1);
    private bool _ownsClient;

    /// <param name="client">A DynamoDB client (see <see cref="Clients.AwsClientFactory"/>).</param>
    /// <param name="tableName">The versions table (deployed as <c>{project}-config-versions-{env}</c>, see <c>ResourceNames.VersionsTable</c>).</param>
    /// <param name="createTableIfMissing">
    /// Create the table from the schema (with TTL) on first use when it does not exist: for tests and emulators. A
    /// deployed environment gets its table from the persistent stack, so by default a missing table is an error.
    /// </param>
    public DynamoDbConfigVersionRepository(IAmazonDynamoDB client, string tableName, bool createTableIfMissing = false)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        TableName = tableName;
        _createTableIfMissing = createTableIfMissing;
    }

    public string TableName { get; }

    /// <summary>A store with its own DynamoDB client from <paramref name="aws"/>; disposing the store disposes that client.</summary>
    public static DynamoDbConfigVersionRepository Create(Clients.AwsClientOptions aws, string tableName, bool createTableIfMissing = false) =>
        new(new Clients.AwsClientFactory(aws).CreateDynamoDB(), tableName, createTableIfMissing) { _ownsClient = true };

    /// <summary>Disposes the DynamoDB client when this store created it (<see cref="Create"/>); a client passed in stays the caller's.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        _ensureLock.Dispose();
    }

    public Task<ConfigVersionWrite> CreateAsync(NewConfigVersion request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithTableAsync(ct => CreateCoreAsync(request, ct), cancellationToken);
    }

    public Task<ConfigVersion?> GetAsync(string strategyName, string configId, CancellationToken cancellationToken = default) =>
        WithTableAsync(ct => GetCoreAsync(strategyName, configId, ct), cancellationToken);

    public Task<ConfigVersion?> GetActiveAsync(string strategyName, CancellationToken cancellationToken = default) =>
        WithTableAsync(ct => GetActiveCoreAsync(strategyName, ct), cancellationToken);

    public Task<ConfigVersionPage> ListAsync(string strategyName, ConfigVersionStatus? status, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var before = continuationToken is null ? (int?)null : VersionPageToken.Parse(TokenPrefix, continuationToken, strategyName, status);
        return WithTableAsync(ct => ListCoreAsync(strategyName, status, limit, before, ct), cancellationToken);
    }

    public Task<ConfigVersionWrite> ActivateAsync(
        string strategyName, string configId, DateTimeOffset at, Action<ConfigVersion>? validate = null, ActivePrecondition? expectedActive = null,
        string? deployedBy = null, CancellationToken cancellationToken = default) =>
        WithTableAsync(ct => ActivateCoreAsync(strategyName, configId, at, validate, expectedActive, deployedBy, ct), cancellationToken);

    public Task<IReadOnlyList<StrategyVersionSummary>> ListStrategiesAsync(CancellationToken cancellationToken = default) =>
        WithTableAsync(ListStrategiesCoreAsync, cancellationToken);

    public Task<ConfigVersion> DeprecateAsync(string strategyName, string configId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithTableAsync(ct => DeprecateCoreAsync(strategyName, configId, at, ct), cancellationToken);

    private async Task<ConfigVersionWrite> CreateCoreAsync(NewConfigVersion request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            var state = await ReadStateAsync(request.StrategyName, cancellationToken).ConfigureAwait(false);

            // Every activating transaction below is conditioned on the active id read here, so a change after this
            // check cancels it and the next attempt sees (and refuses) the new active version.
            if (request.Activate)
            {
                request.ExpectedActive?.Check(request.StrategyName, state.Active);
            }

            if (state.LiveHashes.TryGetValue(request.ConfigHash, out var existingId))
            {
                var existing = state.Active?.ConfigId == existingId
                    ? state.Active
                    : await GetCoreAsync(request.StrategyName, existingId, cancellationToken).ConfigureAwait(false);
                if (existing is null || existing.Status == ConfigVersionStatus.Deprecated || existing.ConfigHash != request.ConfigHash)
                {
                    continue; // the marker moved between our two reads: read again
                }

                if (!request.Activate || existing.Status == ConfigVersionStatus.Active)
                {
                    return new ConfigVersionWrite(existing, Created: false);
                }

                var plan = PlanActivation(existing, state, request.CreatedAt, request.CreatedBy);
                if (await TryTransactAsync(plan.Items, "activate a config version", cancellationToken).ConfigureAwait(false))
                {
                    return new ConfigVersionWrite(plan.Activated, Created: false, plan.Deprecated);
                }

                continue;
            }

            var draft = ConfigVersion.CreateDraft(
                request.StrategyName, state.NextVersionNumber, request.ConfigHash, request.ConfigData, request.CreatedBy, request.CreatedAt);
            var version = request.Activate ? draft.WithStatus(ConfigVersionStatus.Active, request.CreatedAt, deployedBy: request.CreatedBy) : draft;
            var deprecated = request.Activate ? state.Active?.WithStatus(ConfigVersionStatus.Deprecated, request.CreatedAt, version.ConfigId) : null;

            var items = new List<TransactWriteItem>
            {
                new() { Put = new Put { TableName = TableName, Item = DynamoDbVersionItems.ToItem(version), ConditionExpression = "attribute_not_exists(config_id)" } },
            };
            if (deprecated is not null)
            {
                items.Add(DeprecateItem(deprecated, ConfigVersionStatus.Active));
            }

            items.Add(StateAfterCreate(state, version, deprecated));
            if (await TryTransactAsync(items, "create a config version", cancellationToken).ConfigureAwait(false))
            {
                return new ConfigVersionWrite(version, Created: true, deprecated);
            }
        }
    }

    private async Task<ConfigVersion?> GetCoreAsync(string strategyName, string configId, CancellationToken cancellationToken)
    {
        if (configId == DynamoDbVersionTable.StateItemId)
        {
            return null;
        }

        var response = await CallAsync("read a config version", ct => _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = DynamoDbVersionItems.Key(strategyName, configId),
            ConsistentRead = true,
        }, ct), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? DynamoDbVersionItems.FromItem(item) : null;
    }

    private async Task<ConfigVersion?> GetActiveCoreAsync(string strategyName, CancellationToken cancellationToken)
    {
        // One strongly consistent GetItem: the state item carries the active version, updated in the same transaction.
        var response = await CallAsync("read the active config version", ct => _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = DynamoDbVersionItems.Key(strategyName, DynamoDbVersionTable.StateItemId),
            ConsistentRead = true,
            ProjectionExpression = S.Active,
        }, ct), cancellationToken).ConfigureAwait(false);
        return response.Item is { } item && item.TryGetValue(S.Active, out var active) && active.M is { } map
            ? DynamoDbVersionItems.FromItem(map)
            : null;
    }

    private async Task<ConfigVersionPage> ListCoreAsync(string strategyName, ConfigVersionStatus? status, int limit, int? before, CancellationToken cancellationToken)
    {
        var items = new List<ConfigVersion>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = TableName,
                IndexName = DynamoDbVersionTable.VersionNumberIndex,
                ConsistentRead = true,
                ScanIndexForward = false,
                KeyConditionExpression = before is null ? "strategy_name = :s" : "strategy_name = :s AND version_number < :before",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":s"] = new() { S = strategyName } },

                // Limit counts items read before the filter: with a filter, read in larger pages.
                Limit = status is null ? limit + 1 - items.Count : Math.Max(limit + 1, 50),
                ExclusiveStartKey = startKey,
            };
            if (before is not null)
            {
                request.ExpressionAttributeValues[":before"] = DynamoDbVersionItems.Number(before.Value);
            }

            if (status is not null)
            {
                request.FilterExpression = "#status = :status";
                request.ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = A.Status };
                request.ExpressionAttributeValues[":status"] = new AttributeValue { S = status.Value.ToWire() };
            }

            var response = await CallAsync("list config versions", ct => _client.QueryAsync(request, ct), cancellationToken).ConfigureAwait(false);
            items.AddRange((response.Items ?? []).Select(DynamoDbVersionItems.FromItem));
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (items.Count <= limit && startKey is not null);

        if (items.Count <= limit)
        {
            return new ConfigVersionPage(items, null);
        }

        items.RemoveRange(limit, items.Count - limit);
        return new ConfigVersionPage(items, VersionPageToken.Make(TokenPrefix, strategyName, status, items[^1].VersionNumber));
    }

    private async Task<ConfigVersionWrite> ActivateCoreAsync(
        string strategyName, string configId, DateTimeOffset at, Action<ConfigVersion>? validate, ActivePrecondition? expectedActive, string? deployedBy,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            var (target, state) = await ReadVersionAndStateAsync(strategyName, configId, cancellationToken).ConfigureAwait(false);

            // BatchGetItem reads each item consistently but not as one snapshot: a version and a state item that
            // disagree on whether it is active were read either side of another writer's commit. Read again, so a
            // lost race is judged on what won it (412 for a stale precondition), not on half of it (409).
            if ((target.Status == ConfigVersionStatus.Active) != (state.Active?.ConfigId == target.ConfigId))
            {
                continue;
            }

            // Checked on the state the transaction is conditioned on (active_config_id), before the transition rules.
            expectedActive?.Check(strategyName, state.Active);
            ConfigVersion.CheckActivation(target, at, validate);
            var plan = PlanActivation(target, state, at, deployedBy);
            if (await TryTransactAsync(plan.Items, "activate a config version", cancellationToken).ConfigureAwait(false))
            {
                return new ConfigVersionWrite(plan.Activated, Created: false, plan.Deprecated);
            }
        }
    }

    private async Task<IReadOnlyList<StrategyVersionSummary>> ListStrategiesCoreAsync(CancellationToken cancellationToken)
    {
        // A console overview, not a hot path: one strongly consistent scan of keys and statuses, plus the state items'
        // copies of the active versions.
        var counts = new SortedDictionary<string, (int Versions, int Drafts, ConfigVersion? Active)>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest
            {
                TableName = TableName,
                ConsistentRead = true,
                ProjectionExpression = $"{A.StrategyName}, {A.ConfigId}, #status, {S.Active}",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = A.Status },
                ExclusiveStartKey = startKey,
            };
            var response = await CallAsync("list strategies", ct => _client.ScanAsync(request, ct), cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                var name = item[A.StrategyName].S;
                var entry = counts.GetValueOrDefault(name);
                if (item[A.ConfigId].S == DynamoDbVersionTable.StateItemId)
                {
                    entry.Active = item.TryGetValue(S.Active, out var a) && a.M is { Count: > 0 } m ? DynamoDbVersionItems.FromItem(m) : null;
                }
                else
                {
                    entry.Versions++;
                    entry.Drafts += item.TryGetValue(A.Status, out var st) && st.S == ConfigVersionStatusNames.Draft ? 1 : 0;
                }

                counts[name] = entry;
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return counts.Where(e => e.Value.Versions > 0)
            .Select(e => new StrategyVersionSummary(e.Key, e.Value.Active, e.Value.Versions, e.Value.Drafts))
            .ToList();
    }

    private async Task<ConfigVersion> DeprecateCoreAsync(string strategyName, string configId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
            var target = await GetCoreAsync(strategyName, configId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(strategyName, configId);
            var deprecated = target.WithStatus(ConfigVersionStatus.Deprecated, at); // ConflictException when already deprecated

            var state = new Update
            {
                TableName = TableName,
                Key = DynamoDbVersionItems.Key(strategyName, DynamoDbVersionTable.StateItemId),
                ExpressionAttributeNames = new Dictionary<string, string> { ["#h"] = target.ConfigHash },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new() { S = target.ConfigId } },
            };
            if (target.Status == ConfigVersionStatus.Active)
            {
                state.UpdateExpression = $"REMOVE {S.ActiveConfigId}, {S.Active}, {S.LiveHashes}.#h";
                state.ConditionExpression = $"{S.ActiveConfigId} = :id";
            }
            else
            {
                state.UpdateExpression = $"REMOVE {S.LiveHashes}.#h";
                state.ConditionExpression = $"{S.LiveHashes}.#h = :id";
            }

            if (await TryTransactAsync([DeprecateItem(deprecated, target.Status), new TransactWriteItem { Update = state }], "deprecate a config version", cancellationToken)
                .ConfigureAwait(false))
            {
                return deprecated;
            }
        }
    }

    // ---- planning the transactions ----

    private sealed record StrategyState(bool Exists, int NextVersionNumber, ConfigVersion? Active, IReadOnlyDictionary<string, string> LiveHashes);

    private sealed record ActivationPlan(ConfigVersion Activated, ConfigVersion? Deprecated, List<TransactWriteItem> Items);

    private ActivationPlan PlanActivation(ConfigVersion target, StrategyState state, DateTimeOffset at, string? deployedBy)
    {
        var activated = target.WithStatus(ConfigVersionStatus.Active, at, deployedBy: deployedBy); // ConflictException unless draft
        var activation = new Dictionary<string, AttributeValue>
        {
            [":active"] = new() { S = ConfigVersionStatusNames.Active },
            [":draft"] = new() { S = ConfigVersionStatusNames.Draft },
            [":at"] = new() { S = DynamoDbVersionItems.FormatTime(activated.DeployedAt!.Value) },
        };
        if (activated.DeployedBy is { } by)
        {
            activation[":by"] = new() { S = by };
        }

        var deprecated = state.Active?.WithStatus(ConfigVersionStatus.Deprecated, at, activated.ConfigId);
        var items = new List<TransactWriteItem>
        {
            new()
            {
                Update = new Update
                {
                    TableName = TableName,
                    Key = DynamoDbVersionItems.Key(target.StrategyName, target.ConfigId),
                    UpdateExpression = $"SET #status = :active, {A.DeployedAt} = :at" + (activated.DeployedBy is null ? string.Empty : $", {A.DeployedBy} = :by"),
                    ConditionExpression = "#status = :draft",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = A.Status },
                    ExpressionAttributeValues = activation,
                },
            },
        };
        if (deprecated is not null)
        {
            items.Add(DeprecateItem(deprecated, ConfigVersionStatus.Active));
        }

        var names = new Dictionary<string, string> { ["#h"] = target.ConfigHash };
        var values = new Dictionary<string, AttributeValue>
        {
            [":id"] = new() { S = activated.ConfigId },
            [":version"] = new() { M = DynamoDbVersionItems.ToItem(activated), IsMSet = true },
        };
        var update = $"SET {S.ActiveConfigId} = :id, {S.Active} = :version";
        if (deprecated is not null)
        {
            names["#ph"] = deprecated.ConfigHash;
            values[":prev"] = new AttributeValue { S = deprecated.ConfigId };
            update += $" REMOVE {S.LiveHashes}.#ph";
        }

        items.Add(new TransactWriteItem
        {
            Update = new Update
            {
                TableName = TableName,
                Key = DynamoDbVersionItems.Key(target.StrategyName, DynamoDbVersionTable.StateItemId),
                UpdateExpression = update,
                ConditionExpression = (deprecated is null ? $"attribute_not_exists({S.ActiveConfigId})" : $"{S.ActiveConfigId} = :prev")
                    + $" AND {S.LiveHashes}.#h = :id",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
        });
        return new ActivationPlan(activated, deprecated, items);
    }

    private TransactWriteItem DeprecateItem(ConfigVersion deprecated, ConfigVersionStatus expected)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":deprecated"] = new() { S = ConfigVersionStatusNames.Deprecated },
            [":expected"] = new() { S = expected.ToWire() },
            [":at"] = new() { S = DynamoDbVersionItems.FormatTime(deprecated.DeprecatedAt!.Value) },
            [":ttl"] = DynamoDbVersionItems.Number(deprecated.Ttl!.Value),
        };
        var update = "SET #status = :deprecated, deprecated_at = :at, #ttl = :ttl";
        if (deprecated.SupersededBy is not null)
        {
            update += ", superseded_by = :by";
            values[":by"] = new AttributeValue { S = deprecated.SupersededBy };
        }

        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = TableName,
                Key = DynamoDbVersionItems.Key(deprecated.StrategyName, deprecated.ConfigId),
                UpdateExpression = update,
                ConditionExpression = "#status = :expected",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = A.Status, ["#ttl"] = A.Ttl },
                ExpressionAttributeValues = values,
            },
        };
    }

    private TransactWriteItem StateAfterCreate(StrategyState state, ConfigVersion version, ConfigVersion? deprecated)
    {
        var key = DynamoDbVersionItems.Key(version.StrategyName, DynamoDbVersionTable.StateItemId);
        if (!state.Exists)
        {
            var item = new Dictionary<string, AttributeValue>(key)
            {
                [S.NextVersionNumber] = DynamoDbVersionItems.Number(version.VersionNumber + 1L),
                [S.LiveHashes] = new() { M = new Dictionary<string, AttributeValue> { [version.ConfigHash] = new() { S = version.ConfigId } }, IsMSet = true },
            };
            if (version.Status == ConfigVersionStatus.Active)
            {
                item[S.ActiveConfigId] = new AttributeValue { S = version.ConfigId };
                item[S.Active] = new AttributeValue { M = DynamoDbVersionItems.ToItem(version), IsMSet = true };
            }

            return new TransactWriteItem { Put = new Put { TableName = TableName, Item = item, ConditionExpression = "attribute_not_exists(config_id)" } };
        }

        var names = new Dictionary<string, string> { ["#h"] = version.ConfigHash };
        var values = new Dictionary<string, AttributeValue>
        {
            [":n"] = DynamoDbVersionItems.Number(version.VersionNumber),
            [":next"] = DynamoDbVersionItems.Number(version.VersionNumber + 1L),
            [":id"] = new() { S = version.ConfigId },
        };
        var update = $"SET {S.NextVersionNumber} = :next, {S.LiveHashes}.#h = :id";
        var condition = $"{S.NextVersionNumber} = :n AND attribute_not_exists({S.LiveHashes}.#h)";
        if (version.Status == ConfigVersionStatus.Active)
        {
            update += $", {S.ActiveConfigId} = :id, {S.Active} = :version";
            values[":version"] = new AttributeValue { M = DynamoDbVersionItems.ToItem(version), IsMSet = true };
            if (deprecated is null)
            {
                condition += $" AND attribute_not_exists({S.ActiveConfigId})";
            }
            else
            {
                names["#ph"] = deprecated.ConfigHash;
                values[":prev"] = new AttributeValue { S = deprecated.ConfigId };
                update += $" REMOVE {S.LiveHashes}.#ph";
                condition += $" AND {S.ActiveConfigId} = :prev";
            }
        }

        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = TableName,
                Key = key,
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
        };
    }

    // ---- reads and calls ----

    private async Task<StrategyState> ReadStateAsync(string strategyName, CancellationToken ct)
    {
        var response = await CallAsync("read the strategy state", c => _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = DynamoDbVersionItems.Key(strategyName, DynamoDbVersionTable.StateItemId),
            ConsistentRead = true,
        }, c), ct).ConfigureAwait(false);
        return ParseState(response.Item);
    }

    private async Task<(ConfigVersion Target, StrategyState State)> ReadVersionAndStateAsync(string strategyName, string configId, CancellationToken ct)
    {
        if (configId == DynamoDbVersionTable.StateItemId)
        {
            throw NotFound(strategyName, configId);
        }

        // One BatchGetItem (strongly consistent) for the version and the state item.
        var keys = new List<Dictionary<string, AttributeValue>>
        {
            DynamoDbVersionItems.Key(strategyName, configId),
            DynamoDbVersionItems.Key(strategyName, DynamoDbVersionTable.StateItemId),
        };
        var found = new List<Dictionary<string, AttributeValue>>();
        while (keys.Count > 0)
        {
            var request = new BatchGetItemRequest
            {
                RequestItems = new Dictionary<string, KeysAndAttributes> { [TableName] = new() { Keys = keys, ConsistentRead = true } },
            };
            var response = await CallAsync("read a config version", c => _client.BatchGetItemAsync(request, c), ct).ConfigureAwait(false);
            if (response.Responses?.TryGetValue(TableName, out var items) == true)
            {
                found.AddRange(items);
            }

            keys = response.UnprocessedKeys?.TryGetValue(TableName, out var rest) == true ? rest.Keys : [];
        }

        var version = found.FirstOrDefault(i => i[A.ConfigId].S == configId) ?? throw NotFound(strategyName, configId);
        var state = found.FirstOrDefault(i => i[A.ConfigId].S == DynamoDbVersionTable.StateItemId)
            ?? throw new ExternalServiceException("dynamodb", $"strategy '{InputSanitizer.Sanitize(strategyName)}' has versions but no '{DynamoDbVersionTable.StateItemId}' item in table '{InputSanitizer.Sanitize(TableName)}'");
        return (DynamoDbVersionItems.FromItem(version), ParseState(state));
    }

    private static StrategyState ParseState(Dictionary<string, AttributeValue>? item)
    {
        if (item is not { Count: > 0 })
        {
            return new StrategyState(false, 1, null, new Dictionary<string, string>());
        }

        var next = int.Parse(item[S.NextVersionNumber].N, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var active = item.TryGetValue(S.Active, out var a) && a.M is { } m ? DynamoDbVersionItems.FromItem(m) : null;
        var live = item.TryGetValue(S.LiveHashes, out var l) && l.M is { } lm
            ? lm.ToDictionary(e => e.Key, e => e.Value.S, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new StrategyState(true, next, active, live);
    }

    /// <summary>Runs a transaction; false when a condition failed or another transaction conflicted (re-read and retry).</summary>
    private async Task<bool> TryTransactAsync(List<TransactWriteItem> items, string operation, CancellationToken ct)
    {
        try
        {
            // The token makes the SDK's own retries of this very request idempotent.
            await _client.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = items,
                ClientRequestToken = Guid.NewGuid().ToString("N"),
            }, ct).ConfigureAwait(false);
            return true;
        }
        catch (TransactionCanceledException ex) when (ex.CancellationReasons?.Any(r => r.Code is "ConditionalCheckFailed" or "TransactionConflict") == true)
        {
            return false;
        }
        catch (TransactionConflictException)
        {
            return false;
        }
        catch (Exception ex) when (DynamoDbErrors.IsStoreFailure(ex))
        {
            throw DynamoDbErrors.Map(operation, ex);
        }
    }

    private static async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (DynamoDbErrors.IsStoreFailure(ex))
        {
            throw DynamoDbErrors.Map(operation, ex);
        }
    }

    private static async Task BackoffAsync(int attempt, CancellationToken ct)
    {
        if (attempt == 0)
        {
            return;
        }

        if (attempt >= MaxAttempts)
        {
            throw new ConflictException($"gave up after {MaxAttempts} attempts: other writers keep changing this strategy's versions; retry later");
        }

        // Full jitter, capped: contenders spread out instead of colliding again in lock-step.
        var cap = Math.Min(200, 4 << Math.Min(attempt, 6));
        await Task.Delay(Random.Shared.Next(1, cap + 1), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs an operation; when the table is missing and creation was asked for, creates it (with TTL) and runs the
    /// operation again, else fails naming the table. Costs nothing extra while the table exists.
    /// </summary>
    private async Task<T> WithTableAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        try
        {
            return await operation(ct).ConfigureAwait(false);
        }
        catch (ExternalServiceException ex) when (!_createTableIfMissing && ex.ErrorCode == DynamoDbErrors.TableNotFound)
        {
            throw new ExternalServiceException("dynamodb", $"DynamoDB table '{InputSanitizer.Sanitize(TableName)}' does not exist", ex.InnerException)
            {
                ErrorCode = DynamoDbErrors.TableNotFound,
            };
        }
        catch (ExternalServiceException ex) when (_createTableIfMissing && ex.ErrorCode == DynamoDbErrors.TableNotFound)
        {
            await _ensureLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await DynamoDbVersionTable.EnsureAsync(_client, TableName, ct).ConfigureAwait(false);
            }
            finally
            {
                _ensureLock.Release();
            }

            return await operation(ct).ConfigureAwait(false);
        }
    }

    private static NotFoundException NotFound(string strategyName, string configId) =>
        new($"strategy '{InputSanitizer.Sanitize(strategyName)}' has no config version '{InputSanitizer.Sanitize(configId)}'");
}
