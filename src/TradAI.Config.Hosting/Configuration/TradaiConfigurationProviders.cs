using Microsoft.Extensions.Configuration;

namespace TradAI.Config.Hosting.Configuration;

/// <summary>Finds the TradAI providers inside the host's configuration (also inside chained configurations).</summary>
internal static class TradaiConfigurationProviders
{
    public static IReadOnlyList<T> Find<T>(IConfiguration? configuration)
        where T : class, IConfigurationProvider
    {
        var found = new List<T>();
        Collect(configuration, found, depth: 0);
        return found;
    }

    private static void Collect<T>(IConfiguration? configuration, List<T> found, int depth)
        where T : class, IConfigurationProvider
    {
        if (configuration is not IConfigurationRoot root || depth > 8)
        {
            return;
        }

        foreach (var provider in root.Providers)
        {
            if (provider is T match)
            {
                found.Add(match);
            }
            else if (provider is ChainedConfigurationProvider chained)
            {
                Collect(chained.Configuration, found, depth + 1);
            }
        }
    }
}
