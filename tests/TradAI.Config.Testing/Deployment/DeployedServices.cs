using TradAI.Deployment.Environments;
using TradAI.Deployment.Profiles;
using Xunit;

namespace TradAI.Config.Testing.Deployment;

/// <summary>Theory data for checks that must hold for every service of every environment.</summary>
public static class DeployedServices
{
    /// <summary>(environment name, service name) for all environments and service profiles.</summary>
    public static TheoryData<string, string> OfEveryEnvironment()
    {
        var data = new TheoryData<string, string>();
        foreach (var env in DeploymentEnvironments.All)
        {
            foreach (var profile in ServiceProfiles.All)
            {
                data.Add(env.ToName(), profile.Name);
            }
        }

        return data;
    }
}
