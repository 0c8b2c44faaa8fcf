namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>The differential test classes share one OmegaConf process.</summary>
[CollectionDefinition(Name)]
public sealed class OmegaConfCollection : ICollectionFixture<OmegaConfOracle>
{
    public const string Name = "OmegaConf";
}
