using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// A store written by a tool that knew only schema 1 (no <c>deployed_by</c>) keeps working: reads answer from it as it
/// is and change nothing; the first write upgrades it to the current schema and records deployers from then on.
/// </summary>
public sealed class SqliteSchemaUpgradeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_schema_1_store_reads_unchanged_and_its_first_write_upgrades_it()
    {
        var v1 = await SchemaOneStoreAsync();
        var path = SqliteConfigVersionRepository.ForStore(_folder.Path).DatabasePath;
        var before = Convert.ToHexString(await File.ReadAllBytesAsync(path, Ct));

        var service = new ConfigVersionService(SqliteConfigVersionRepository.ForStore(_folder.Path));
        var active = await service.GetActiveAsync("s", Ct);
        active.ConfigId.Should().Be(v1.ConfigId);
        active.DeployedBy.Should().BeNull();
        (await service.ListStrategiesAsync(Ct)).Single().Active!.ConfigId.Should().Be(v1.ConfigId);
        Convert.ToHexString(await File.ReadAllBytesAsync(path, Ct)).Should().Be(before, "reads never write, not even to upgrade");
        (await UserVersionAsync(path)).Should().Be(1);

        var v2 = (await service.CreateAsync("s", StrategyContent.Valid(("n", 2L)), "t", Ct)).Version;
        var activation = await service.ActivateAsync("s", v2.ConfigId, "bob", ActivePrecondition.Active(v1.ConfigId), Ct);

        (await UserVersionAsync(path)).Should().Be(2);
        activation.Version.DeployedBy.Should().Be("bob");
        (await service.GetActiveAsync("s", Ct)).DeployedBy.Should().Be("bob");
        (await service.GetAsync("s", v1.ConfigId, Ct)).DeployedBy.Should().BeNull();
        (await SqliteConfigVersionRepository.ForStore(_folder.Path).CheckIntegrityAsync(Ct)).Should().BeEmpty();
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>An active v1 in a store taken back to schema 1: the deployed_by column dropped, user_version 1.</summary>
    private async Task<ConfigVersion> SchemaOneStoreAsync()
    {
        var writer = new ConfigVersionService(SqliteConfigVersionRepository.ForStore(_folder.Path));
        var v1 = (await writer.CreateAsync("s", StrategyContent.Valid(("n", 1L)), "t", Ct)).Version;
        await writer.ActivateAsync("s", v1.ConfigId, Ct);
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={SqliteConfigVersionRepository.ForStore(_folder.Path).DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var downgrade = connection.CreateCommand();
        downgrade.CommandText = "ALTER TABLE config_versions DROP COLUMN deployed_by; PRAGMA user_version = 1; PRAGMA wal_checkpoint(TRUNCATE);";
        await downgrade.ExecuteNonQueryAsync(Ct);
        return v1;
    }

    private static async Task<long> UserVersionAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
