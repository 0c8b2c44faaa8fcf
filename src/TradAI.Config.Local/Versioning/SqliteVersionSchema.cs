namespace TradAI.Config.Local.Versioning;

/// <summary>
/// The SQLite schema of the embedded version store. The invariants live in the database itself, so no writer —
/// this process, a crashed one, or a hand-run sqlite3 — can break them: unique numbers per strategy, at most one
/// active version, no two draft/active versions with the same content, legal status transitions only,
/// immutable content, and status-consistent timestamps.
/// </summary>
internal static class SqliteVersionSchema
{
    /// <summary>Stored in <c>PRAGMA user_version</c>; bump with an entry in <see cref="Upgrades"/> when the schema changes.</summary>
    public const int Version = 2;

    /// <summary>What brings a store from schema N to N + 1, by N. A new store gets <see cref="Ddl"/>, which is at <see cref="Version"/>.</summary>
    public static readonly IReadOnlyDictionary<long, string> Upgrades = new Dictionary<long, string>
    {
        // 2: who activated each version.
        [1] = "ALTER TABLE config_versions ADD COLUMN deployed_by TEXT;",
    };

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS config_versions (
            strategy_name  TEXT    NOT NULL,
            config_id      TEXT    NOT NULL,
            config_hash    TEXT    NOT NULL CHECK (length(config_hash) = 64 AND config_hash NOT GLOB '*[^0-9a-f]*'),
            config_data    TEXT    NOT NULL CHECK (json_valid(config_data)),
            status         TEXT    NOT NULL CHECK (status IN ('draft', 'active', 'deprecated')),
            version_number INTEGER NOT NULL CHECK (version_number >= 1),
            created_by     TEXT    NOT NULL,
            created_at     TEXT    NOT NULL,
            deployed_at    TEXT,
            deployed_by    TEXT,
            deprecated_at  TEXT,
            superseded_by  TEXT,
            ttl            INTEGER,
            PRIMARY KEY (strategy_name, config_id),
            UNIQUE (strategy_name, version_number),
            CHECK (config_id = 'v' || version_number || '-' || substr(config_hash, 1, 8)),
            CHECK (status <> 'active' OR (deployed_at IS NOT NULL AND deprecated_at IS NULL)),
            CHECK (status <> 'deprecated' OR (deprecated_at IS NOT NULL AND ttl IS NOT NULL)),
            CHECK (status = 'deprecated' OR (deprecated_at IS NULL AND ttl IS NULL AND superseded_by IS NULL))
        );

        -- At most one active version per strategy, whatever the writer.
        CREATE UNIQUE INDEX IF NOT EXISTS config_versions_one_active
            ON config_versions (strategy_name) WHERE status = 'active';

        -- Content addressing: one draft/active version per content hash (deprecated content may come back).
        CREATE UNIQUE INDEX IF NOT EXISTS config_versions_live_hash
            ON config_versions (strategy_name, config_hash) WHERE status IN ('draft', 'active');

        CREATE INDEX IF NOT EXISTS config_versions_by_number
            ON config_versions (strategy_name, version_number DESC);

        -- The next number per strategy; numbers are never reused, even after TTL clean-up.
        CREATE TABLE IF NOT EXISTS config_version_counters (
            strategy_name       TEXT    NOT NULL PRIMARY KEY,
            next_version_number INTEGER NOT NULL CHECK (next_version_number >= 1)
        );

        CREATE TRIGGER IF NOT EXISTS config_versions_legal_transition
            BEFORE UPDATE OF status ON config_versions
            WHEN NOT ((OLD.status = 'draft' AND NEW.status IN ('active', 'deprecated'))
                   OR (OLD.status = 'active' AND NEW.status = 'deprecated'))
        BEGIN
            SELECT RAISE(ABORT, 'illegal config version status transition');
        END;

        CREATE TRIGGER IF NOT EXISTS config_versions_immutable_content
            BEFORE UPDATE OF strategy_name, config_id, config_hash, config_data, version_number, created_by, created_at
            ON config_versions
        BEGIN
            SELECT RAISE(ABORT, 'config version content is immutable');
        END;

        CREATE TRIGGER IF NOT EXISTS config_versions_number_from_counter
            BEFORE INSERT ON config_versions
            WHEN NEW.version_number >= COALESCE(
                (SELECT next_version_number FROM config_version_counters WHERE strategy_name = NEW.strategy_name), 1)
        BEGIN
            SELECT RAISE(ABORT, 'version number not allocated from the strategy counter');
        END;
        """;
}
