using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>Container image repositories: one per service, one per Lambda, one per registered strategy.</summary>
public sealed record EcrConfig(
    ValueList<EcrRepositoryConfig> ServiceRepositories,
    ValueList<EcrRepositoryConfig> LambdaRepositories,
    ValueList<EcrRepositoryConfig> StrategyRepositories)
{
    /// <summary>Every repository, services first.</summary>
    public IEnumerable<EcrRepositoryConfig> All => ServiceRepositories.Concat(LambdaRepositories).Concat(StrategyRepositories);

    /// <summary>A service or Lambda repository by key.</summary>
    public EcrRepositoryConfig Repository(string key) =>
        ServiceRepositories.Concat(LambdaRepositories).FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"no repository '{key}'");
}
