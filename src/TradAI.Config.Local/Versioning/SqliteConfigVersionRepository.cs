using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Local.Versioning;

/// <summary>
/// The embedded version store: one SQLite file (by default <c>&lt;store&gt;/.tradai/versions.db</c>) in WAL mode.
/// Every write is one <c>BEGIN IMMEDIATE</c> transaction, so concurrent writers — threads or processes — are
/// serialized by SQLite's write lock (waiting up to the busy timeout), and a crash at any point leaves either
/// the whole step or none of it. Schema constraints (<see cref="SqliteVersionSchema"/>) back every invariant.
/// </summary>
public sealed class SqliteConfigVersionRepository : IConfigVersionRepository
{
    /// <summary>Folder and file name of the database under a store folder.</summary>
    public const string DefaultRelativePath = ".tradai/versions.db";

    // The columns of schema 1, then those later schemas added: the order QueryAsync reads them in.
    private const string SchemaOneColumns =
        "strategy_name, config_id, config_hash, config_data, status, version_number, created_by, created_at, deployed_at, deprecated_at, superseded_by, ttl";

    private const string Columns = SchemaOneColumns + ", deployed_by";

    // What reads select from a store still on schema 1 (before deployed_by), which reads never upgrade: the first write does.
    private const string ColumnsV1 = SchemaOneColumns + ", NULL AS deployed_by";

    private const string TokenPrefix = "sqlite1:";

    private readonly string _connectionString;
    private readonly string _readConnectionString;
    private readonly string _busyTimeoutPragma;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <param name="databasePath">The SQLite file; created with its folder on first use.</param>
    /// <param name="busyTimeout">How long a writer waits for another writer's lock before failing (default 30 s).</param>
    public SqliteConfigVersionRepository(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // One connection per operation, never reused: a failed step cannot leak an open transaction.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        }.ToString();
        _busyTimeoutPragma = $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds};";

        // Reads reuse pooled read-only connections (no write lock, no transaction survives a read: see ReadAsync): a
        // console serving GET /active thousands of times a second must not open the file and parse the schema each time.
        _readConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    /// <summary>The repository for a local store folder: <c>&lt;storeFolder&gt;/.tradai/versions.db</c>.</summary>
    public static SqliteConfigVersionRepository ForStore(string storeFolder, TimeSpan? busyTimeout = null) =>
        new(Path.Combine(storeFolder, DefaultRelativePath), busyTimeout);

    public string DatabasePath { get; }

    public TimeSpan BusyTimeout { get; }

    /// <summary>
    /// Test seam, null in production: runs inside every write transaction after its last statement and before
    /// <c>COMMIT</c>, so the crash tests can kill a process that has written a step but not committed it.
    /// </summary>
    internal Func<SqliteConnection, CancellationToken, Task>? BeforeCommit { get; init; }

    public Task<ConfigVersionWrite> CreateAsync(NewConfigVersion request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(async (connection, ct) =>
        {
            // TTL clean-up, as DynamoDB does it: deprecated versions past their ttl disappear.
            await ExecuteAsync(connection, "DELETE FROM config_versions WHERE strategy_name = $s AND status = 'deprecated' AND ttl <= $now", ct,
                ("$s", request.StrategyName), ("$now", request.CreatedAt.ToUnixTimeSeconds())).ConfigureAwait(false);

            if (request.Activate && request.ExpectedActive is { } expected)
            {
                // Under the write lock: what is active cannot change before this transaction commits.
                expected.Check(request.StrategyName, await ActiveAsync(connection, request.StrategyName, ct).ConfigureAwait(false));
            }

            var existing = await QuerySingleAsync(connection,
                $"SELECT {Columns} FROM config_versions WHERE strategy_name = $s AND config_hash = $h AND status IN ('draft', 'active')", ct,
                ("$s", request.StrategyName), ("$h", request.ConfigHash)).ConfigureAwait(false);
            if (existing is not null)
            {
                if (!request.Activate || existing.Status == ConfigVersionStatus.Active)
                {
                    return new ConfigVersionWrite(existing, Created: false);
                }

                var (activated, deprecated) = await ActivateInTransactionAsync(connection, existing, request.CreatedAt, request.CreatedBy, ct).ConfigureAwait(false);
                return new ConfigVersionWrite(activated, Created: false, deprecated);
            }

            var counter = await ScalarAsync(connection,
                "SELECT next_version_number FROM config_version_counters WHERE strategy_name = $s", ct, ("$s", request.StrategyName)).ConfigureAwait(false);
            var number = counter is long n ? checked((int)n) : 1;
            await ExecuteAsync(connection, """
                INSERT INTO config_version_counters (strategy_name, next_version_number) VALUES ($s, $next)
                ON CONFLICT (strategy_name) DO UPDATE SET next_version_number = excluded.next_version_number
                """, ct, ("$s", request.StrategyName), ("$next", number + 1L)).ConfigureAwait(false);

            var draft = ConfigVersion.CreateDraft(request.StrategyName, number, request.ConfigHash, request.ConfigData, request.CreatedBy, request.CreatedAt);
            await InsertAsync(connection, draft, request.CanonicalJson, ct).ConfigureAwait(false);
            if (!request.Activate)
            {
                return new ConfigVersionWrite(draft, Created: true);
            }

            var (active, previous) = await ActivateInTransactionAsync(connection, draft, request.CreatedAt, request.CreatedBy, ct).ConfigureAwait(false);
            return new ConfigVersionWrite(active, Created: true, previous);
        }, cancellationToken);
    }

    public Task<ConfigVersion?> GetAsync(string strategyName, string configId, CancellationToken cancellationToken = default) =>
        ReadAsync((connection, columns, ct) => QuerySingleAsync(connection,
            $"SELECT {columns} FROM config_versions WHERE strategy_name = $s AND config_id = $id", ct, ("$s", strategyName), ("$id", configId)), null, cancellationToken);

    public Task<ConfigVersion?> GetActiveAsync(string strategyName, CancellationToken cancellationToken = default) =>
        ReadAsync((connection, columns, ct) => ActiveAsync(connection, strategyName, ct, columns), null, cancellationToken);

    public Task<IReadOnlyList<StrategyVersionSummary>> ListStrategiesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StrategyVersionSummary>>(async (connection, columns, ct) =>
        {
            // One read transaction: the counts and the active versions are of the same snapshot. It ends here whatever
            // happens, so the pooled connection never goes back holding an old snapshot.
            await ExecuteAsync(connection, "BEGIN", ct).ConfigureAwait(false);
            try
            {
                var active = (await QueryAsync(connection, $"SELECT {columns} FROM config_versions WHERE status = 'active'", ct).ConfigureAwait(false))
                    .ToDictionary(v => v.StrategyName, StringComparer.Ordinal);
                await using var command = Command(connection, """
                    SELECT strategy_name, COUNT(*), SUM(status = 'draft') FROM config_versions
                    GROUP BY strategy_name ORDER BY strategy_name COLLATE BINARY
                    """, []);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var summaries = new List<StrategyVersionSummary>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var name = reader.GetString(0);
                    summaries.Add(new StrategyVersionSummary(name, active.GetValueOrDefault(name), checked((int)reader.GetInt64(1)), checked((int)reader.GetInt64(2))));
                }

                return summaries;
            }
            finally
            {
                try
                {
                    await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                }
                catch (SqliteException)
                {
                    // The connection is broken; what the body threw is the error to report.
                    SqliteConnection.ClearPool(connection);
                }
            }
        }, [], cancellationToken);

    public Task<ConfigVersionPage> ListAsync(string strategyName, ConfigVersionStatus? status, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var before = continuationToken is null ? (int?)null : VersionPageToken.Parse(TokenPrefix, continuationToken, strategyName, status);
        return ReadAsync(async (connection, columns, ct) =>
        {
            var sql = new StringBuilder($"SELECT {columns} FROM config_versions WHERE strategy_name = $s");
            if (status is not null)
            {
                sql.Append(" AND status = $status");
            }

            if (before is not null)
            {
                sql.Append(" AND version_number < $before");
            }

            sql.Append(" ORDER BY version_number DESC LIMIT $limit");
            var rows = await QueryAsync(connection, sql.ToString(), ct,
                ("$s", strategyName), ("$status", status?.ToWire()), ("$before", before), ("$limit", limit + 1)).ConfigureAwait(false);
            if (rows.Count <= limit)
            {
                return new ConfigVersionPage(rows, null);
            }

            rows.RemoveAt(limit);
            return new ConfigVersionPage(rows, VersionPageToken.Make(TokenPrefix, strategyName, status, rows[^1].VersionNumber));
        }, new ConfigVersionPage([], null), cancellationToken);
    }

    public Task<ConfigVersionWrite> ActivateAsync(
        string strategyName, string configId, DateTimeOffset at, Action<ConfigVersion>? validate = null, ActivePrecondition? expectedActive = null,
        string? deployedBy = null, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, ct) =>
        {
            var target = await RequireAsync(connection, strategyName, configId, ct).ConfigureAwait(false);

            // The precondition comes before the transition rules (RFC 9110 §13.2.2), under the same write lock as the change.
            expectedActive?.Check(strategyName, await ActiveAsync(connection, strategyName, ct).ConfigureAwait(false));
            ConfigVersion.CheckActivation(target, at, validate);
            var (activated, deprecated) = await ActivateInTransactionAsync(connection, target, at, deployedBy, ct).ConfigureAwait(false);
            return new ConfigVersionWrite(activated, Created: false, deprecated);
        }, cancellationToken);

    public Task<ConfigVersion> DeprecateAsync(string strategyName, string configId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, ct) =>
        {
            var target = await RequireAsync(connection, strategyName, configId, ct).ConfigureAwait(false);
            var deprecated = target.WithStatus(ConfigVersionStatus.Deprecated, at);
            await UpdateStatusAsync(connection, target.Status, deprecated, ct).ConfigureAwait(false);
            return deprecated;
        }, cancellationToken);

    /// <summary>Runs <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c>; returns the problems found (empty when healthy).</summary>
    public Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>(async (connection, _, ct) =>
        {
            var problems = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }

            return problems;
        }, [], cancellationToken);

    // ---- transaction plumbing ----

    private async Task<(ConfigVersion Activated, ConfigVersion? Deprecated)> ActivateInTransactionAsync(
        SqliteConnection connection, ConfigVersion target, DateTimeOffset at, string? deployedBy, CancellationToken ct)
    {
        var activated = target.WithStatus(ConfigVersionStatus.Active, at, deployedBy: deployedBy); // throws ConflictException unless draft
        var previous = await ActiveAsync(connection, target.StrategyName, ct).ConfigureAwait(false);
        ConfigVersion? deprecated = null;
        if (previous is not null)
        {
            // Deprecate first: the one-active index must hold after every statement, not only at commit.
            deprecated = previous.WithStatus(ConfigVersionStatus.Deprecated, at, activated.ConfigId);
            await UpdateStatusAsync(connection, ConfigVersionStatus.Active, deprecated, ct).ConfigureAwait(false);
        }

        await UpdateStatusAsync(connection, target.Status, activated, ct).ConfigureAwait(false);
        return (activated, deprecated);
    }

    private static Task<ConfigVersion?> ActiveAsync(SqliteConnection connection, string strategyName, CancellationToken ct, string columns = Columns) =>
        QuerySingleAsync(connection, $"SELECT {columns} FROM config_versions WHERE strategy_name = $s AND status = 'active'", ct, ("$s", strategyName));

    private static async Task<ConfigVersion> RequireAsync(SqliteConnection connection, string strategyName, string configId, CancellationToken ct) =>
        await QuerySingleAsync(connection, $"SELECT {Columns} FROM config_versions WHERE strategy_name = $s AND config_id = $id", ct,
            ("$s", strategyName), ("$id", configId)).ConfigureAwait(false)
        ?? throw new NotFoundException($"strategy '{InputSanitizer.Sanitize(strategyName)}' has no config version '{InputSanitizer.Sanitize(configId)}'");

    private static async Task UpdateStatusAsync(SqliteConnection connection, ConfigVersionStatus expected, ConfigVersion next, CancellationToken ct)
    {
        var changed = await ExecuteAsync(connection, """
            UPDATE config_versions
               SET status = $status, deployed_at = $deployed, deployed_by = $deployedBy, deprecated_at = $deprecated, superseded_by = $superseded, ttl = $ttl
             WHERE strategy_name = $s AND config_id = $id AND status = $expected
            """, ct,
            ("$status", next.Status.ToWire()), ("$deployed", FormatTime(next.DeployedAt)), ("$deployedBy", next.DeployedBy), ("$deprecated", FormatTime(next.DeprecatedAt)),
            ("$superseded", next.SupersededBy), ("$ttl", next.Ttl), ("$s", next.StrategyName), ("$id", next.ConfigId), ("$expected", expected.ToWire()))
            .ConfigureAwait(false);
        if (changed != 1)
        {
            // Unreachable under BEGIN IMMEDIATE; kept so a broken assumption fails loudly instead of silently.
            throw new ConflictException($"config version {next.ConfigId} changed concurrently; retry");
        }
    }

    private static Task InsertAsync(SqliteConnection connection, ConfigVersion v, string canonicalJson, CancellationToken ct) =>
        ExecuteAsync(connection, $"INSERT INTO config_versions ({Columns}) VALUES ($s, $id, $h, $data, $status, $n, $by, $created, $deployed, $deprecated, $superseded, $ttl, $deployedBy)", ct,
            ("$s", v.StrategyName), ("$id", v.ConfigId), ("$h", v.ConfigHash), ("$data", canonicalJson), ("$status", v.Status.ToWire()),
            ("$n", v.VersionNumber), ("$by", v.CreatedBy), ("$created", FormatTime(v.CreatedAt)), ("$deployed", FormatTime(v.DeployedAt)),
            ("$deprecated", FormatTime(v.DeprecatedAt)), ("$superseded", v.SupersededBy), ("$ttl", v.Ttl), ("$deployedBy", v.DeployedBy));

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> body, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        try
        {
            // IMMEDIATE takes the write lock up front: no read-then-upgrade deadlocks between writers.
            await ExecuteAsync(connection, "BEGIN IMMEDIATE", ct).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw StoreFailure("begin a transaction", ex);
        }

        var committed = false;
        try
        {
            var result = await body(connection, ct).ConfigureAwait(false);
            if (BeforeCommit is { } beforeCommit)
            {
                await beforeCommit(connection, ct).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "COMMIT", ct).ConfigureAwait(false);
            committed = true;
            return result;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new ConflictException($"the version store rejected the change: {InputSanitizer.Sanitize(ex.Message)}", ex);
        }
        catch (SqliteException ex)
        {
            throw StoreFailure("write", ex);
        }
        finally
        {
            if (!committed)
            {
                try
                {
                    await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                }
                catch (SqliteException)
                {
                    // SQLite already rolled back (e.g. after SQLITE_FULL); the connection is closed next anyway.
                }
            }
        }
    }

    // Reads never write: a read-only connection, and a store that was never written answers like an empty one
    // (so `version list` on a fresh folder creates no file and a read leaves versions.db byte for byte as it was).
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, string, CancellationToken, Task<T>> body, T whenEmpty, CancellationToken ct)
    {
        if (!File.Exists(DatabasePath))
        {
            return NeverWritten() ? whenEmpty : throw new ExternalServiceException("filesystem", $"version store {InputSanitizer.Sanitize(DatabasePath)}: cannot open it (its folder is not a folder)");
        }

        await using var connection = await OpenAsync(_readConnectionString, readOnly: true, ct).ConfigureAwait(false);
        try
        {
            var version = (long)(await ScalarAsync(connection, "PRAGMA user_version", ct).ConfigureAwait(false) ?? 0L);
            if (version == 0)
            {
                return whenEmpty;
            }

            CheckSchema(version);
            return await body(connection, version < 2 ? ColumnsV1 : Columns, ct).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw StoreFailure("read", ex);
        }
    }

    // No file yet, and nothing in the way of creating it: the nearest existing ancestor is a folder.
    private bool NeverWritten()
    {
        for (var dir = Path.GetDirectoryName(DatabasePath); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir))
            {
                return true;
            }

            if (File.Exists(dir))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (!_initialized)
        {
            await InitializeAsync(ct).ConfigureAwait(false);
        }

        return await OpenAsync(_connectionString, readOnly: false, ct).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(string connectionString, bool readOnly, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, readOnly ? _busyTimeoutPragma : $"{_busyTimeoutPragma} PRAGMA synchronous = FULL;", ct).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw StoreFailure("open", ex);
        }
    }

    private void CheckSchema(long version)
    {
        if (version > SqliteVersionSchema.Version)
        {
            throw new ExternalServiceException("sqlite", $"the version store {InputSanitizer.Sanitize(DatabasePath)} has schema {version}, newer than this tool understands ({SqliteVersionSchema.Version}); upgrade tradai");
        }
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        await _initLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ExternalServiceException("filesystem", $"cannot create the folder of the version store {InputSanitizer.Sanitize(DatabasePath)}: {InputSanitizer.Sanitize(ex.Message)}", ex);
            }

            await using var connection = new SqliteConnection(_connectionString);
            try
            {
                await connection.OpenAsync(ct).ConfigureAwait(false);
                await ExecuteAsync(connection, _busyTimeoutPragma, ct).ConfigureAwait(false);

                // WAL: readers never block the writer and a killed writer leaves the last committed state.
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", ct).ConfigureAwait(false);
                var current = (long)(await ScalarAsync(connection, "PRAGMA user_version", ct).ConfigureAwait(false) ?? 0L);
                CheckSchema(current);
                if (current < SqliteVersionSchema.Version)
                {
                    // Only a store without the current schema is written to here; re-checked under the write lock.
                    await ExecuteAsync(connection, "BEGIN IMMEDIATE", ct).ConfigureAwait(false);
                    var version = (long)(await ScalarAsync(connection, "PRAGMA user_version", ct).ConfigureAwait(false) ?? 0L);
                    CheckSchema(version);
                    for (var from = version; from is > 0 and < SqliteVersionSchema.Version; from++)
                    {
                        await ExecuteAsync(connection, SqliteVersionSchema.Upgrades[from], ct).ConfigureAwait(false);
                    }

                    await ExecuteAsync(connection, SqliteVersionSchema.Ddl, ct).ConfigureAwait(false);
                    await ExecuteAsync(connection, $"PRAGMA user_version = {SqliteVersionSchema.Version}", ct).ConfigureAwait(false);
                    await ExecuteAsync(connection, "COMMIT", ct).ConfigureAwait(false);
                }
            }
            catch (SqliteException ex)
            {
                throw StoreFailure("initialize", ex);
            }

            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private ExternalServiceException StoreFailure(string operation, SqliteException ex) =>
        new("sqlite", $"version store {InputSanitizer.Sanitize(DatabasePath)}: cannot {operation} (SQLite error {ex.SqliteErrorCode}: {InputSanitizer.Sanitize(ex.Message)})", ex)
        {
            ErrorCode = ex.SqliteErrorCode.ToString(CultureInfo.InvariantCulture),
        };

    // ---- commands and mapping ----

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static async Task<ConfigVersion?> QuerySingleAsync(SqliteConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var rows = await QueryAsync(connection, sql, ct, parameters).ConfigureAwait(false);
        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => throw new InvalidOperationException("query expected at most one row"),
        };
    }

    private static async Task<List<ConfigVersion>> QueryAsync(SqliteConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<ConfigVersion>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(new ConfigVersion
            {
                StrategyName = reader.GetString(0),
                ConfigId = reader.GetString(1),
                ConfigHash = reader.GetString(2),
                ConfigData = CanonicalJsonReader.ReadMapping(reader.GetString(3), "config_data"),
                Status = ConfigVersionStatusNames.Parse(reader.GetString(4)),
                VersionNumber = checked((int)reader.GetInt64(5)),
                CreatedBy = reader.GetString(6),
                CreatedAt = ParseTime(reader.GetString(7)),
                DeployedAt = reader.IsDBNull(8) ? null : ParseTime(reader.GetString(8)),
                DeprecatedAt = reader.IsDBNull(9) ? null : ParseTime(reader.GetString(9)),
                SupersededBy = reader.IsDBNull(10) ? null : reader.GetString(10),
                Ttl = reader.IsDBNull(11) ? null : reader.GetInt64(11),
                DeployedBy = reader.IsDBNull(12) ? null : reader.GetString(12),
            });
        }

        return rows;
    }

    private static string? FormatTime(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
