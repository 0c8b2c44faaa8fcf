using TradAI.Deployment.Tables;

namespace TradAI.Infra.Model;

/// <summary>One DynamoDB table: its name in this environment, its schema, and whether point-in-time recovery is on.</summary>
/// <param name="Key">Stable key the code refers to (<c>config-versions</c>).</param>
/// <param name="Name">Table name (<c>tradai-config-versions-dev</c>).</param>
/// <param name="Schema">Keys, indexes and TTL; for the versions table exactly <see cref="VersionsTable.Schema"/>.</param>
/// <param name="PointInTimeRecovery">Continuous backups (prod).</param>
public sealed record TableConfig(string Key, string Name, TableSchema Schema, bool PointInTimeRecovery);
