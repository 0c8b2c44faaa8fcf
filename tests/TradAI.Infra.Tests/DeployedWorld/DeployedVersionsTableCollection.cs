namespace TradAI.Infra.Tests.DeployedWorld;

/// <summary>Test classes that share the one DynamoDB Local holding the template's versions table.</summary>
[CollectionDefinition(Name)]
public sealed class DeployedVersionsTableCollection : ICollectionFixture<DeployedVersionsTable>
{
    public const string Name = "deployed versions table";
}
