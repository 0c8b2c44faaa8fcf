using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;

using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>The database itself refuses writes that would break an invariant, whoever issues them.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(SqliteConfigVersionRepository Repository, ConfigVersion V1, ConfigVersion V2)> SeedAsync()
    {
        var repository = SqliteConfigVersionRepository.ForStore(_folder.Path);
        var service = new ConfigVersionService(repository);
        var v1 = (await service.CreateAsync("s", StrategyContent.Valid(("a", 1L)), "t", Ct)).Version;
        var v2 = (await service.CreateAsync("s", StrategyContent.Valid(("a", 2L)), "t", Ct)).Version;
        await service.ActivateAsync("s", v1.ConfigId, Ct);
        return (repository, v1, v2);
    }

    private async Task<Exception?> RawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, ".tradai", "versions.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            await command.ExecuteNonQueryAsync(Ct);
            return null;
        }
        catch (SqliteException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task The_store_lives_under_the_store_folder_in_wal_mode()
    {
        await SeedAsync();

        File.Exists(Path.Combine(_folder.Path, ".tradai", "versions.db")).Should().BeTrue();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, ".tradai", "versions.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync(Ct)).Should().Be("wal");
    }

    [Fact]
    public async Task A_second_active_version_is_refused_by_the_database()
    {
        var (_, _, v2) = await SeedAsync();

        var error = await RawAsync($"UPDATE config_versions SET status = 'active', deployed_at = 'x' WHERE config_id = '{v2.ConfigId}'");

        error.Should().BeOfType<SqliteException>().Which.Message.Should().Contain("UNIQUE");
    }

    [Fact]
    public async Task Illegal_transitions_and_content_edits_are_refused_by_the_database()
    {
        var (_, v1, _) = await SeedAsync();

        (await RawAsync($"UPDATE config_versions SET status = 'draft', deployed_at = NULL WHERE config_id = '{v1.ConfigId}'"))
            .Should().BeOfType<SqliteException>().Which.Message.Should().Contain("illegal config version status transition");
        (await RawAsync($"UPDATE config_versions SET config_data = '{{}}' WHERE config_id = '{v1.ConfigId}'"))
            .Should().BeOfType<SqliteException>().Which.Message.Should().Contain("immutable");
    }

    [Fact]
    public async Task Duplicate_numbers_live_hashes_and_unallocated_numbers_are_refused_by_the_database()
    {
        var (_, v1, v2) = await SeedAsync();
        const string columns = "strategy_name, config_id, config_hash, config_data, status, version_number, created_by, created_at";

        // Same number, other content.
        var otherHash = new string('a', 64);
        (await RawAsync($"INSERT INTO config_versions ({columns}) VALUES ('s', 'v2-aaaaaaaa', '{otherHash}', '{{}}', 'draft', 2, 't', 'x')"))
            .Should().BeOfType<SqliteException>();

        // Same live content under a fresh (allocated) number.
        await RawAsync("UPDATE config_version_counters SET next_version_number = 4 WHERE strategy_name = 's'");
        (await RawAsync($"INSERT INTO config_versions ({columns}) VALUES ('s', 'v3-{v2.ConfigHash[..8]}', '{v2.ConfigHash}', '{{}}', 'draft', 3, 't', 'x')"))
            .Should().BeOfType<SqliteException>().Which.Message.Should().Contain("UNIQUE");

        // A number the counter never handed out.
        (await RawAsync($"INSERT INTO config_versions ({columns}) VALUES ('s', 'v9-{otherHash[..8]}', '{otherHash}', '{{}}', 'draft', 9, 't', 'x')"))
            .Should().BeOfType<SqliteException>().Which.Message.Should().Contain("counter");

        // An id that does not match number and hash.
        (await RawAsync($"INSERT INTO config_versions ({columns}) VALUES ('s', 'v3-bbbbbbbb', '{otherHash}', '{{}}', 'draft', 3, 't', 'x')"))
            .Should().BeOfType<SqliteException>().Which.Message.Should().Contain("CHECK");
        v1.VersionNumber.Should().Be(1);
    }

    [Fact]
    public async Task Deprecated_versions_past_their_ttl_are_cleaned_up_and_their_numbers_never_reused()
    {
        var repository = SqliteConfigVersionRepository.ForStore(_folder.Path);
        var clock = new Testing.Versioning.ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var service = new ConfigVersionService(repository, clock);
        var v1 = (await service.CreateAsync("s", StrategyContent.Valid(("a", 1L)), "t", Ct)).Version;
        await service.DeprecateAsync("s", v1.ConfigId, Ct);
        clock.Advance(TimeSpan.FromDays(91));

        var v2 = (await service.CreateAsync("s", StrategyContent.Valid(("a", 2L)), "t", Ct)).Version;

        v2.VersionNumber.Should().Be(2);
        (await repository.GetAsync("s", v1.ConfigId, Ct)).Should().BeNull();
    }

    public void Dispose() => _folder.Dispose();
}
