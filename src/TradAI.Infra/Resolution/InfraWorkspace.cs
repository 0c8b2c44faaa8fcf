using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Environments;
using TradAI.Infra.Synthesis;

namespace TradAI.Infra.Resolution;

/// <summary>
/// Resolves an environment's config the way a deployment from this checkout would: <c>cdk.json</c>'s context first
/// (as the CDK CLI reads it), then the given <c>key=value</c> overrides, then the environment asked for; the process
/// environment with <c>infra/.env</c> fills in the rest. What <c>tradai infra …</c> shows and what the CLI's AWS
/// defaults name are therefore what <c>cdk deploy</c> would create.
/// </summary>
public static class InfraWorkspace
{
    /// <summary>Resolves <paramref name="environment"/> from <paramref name="startDirectory"/> (where cdk.json and infra/.env are looked for).</summary>
    /// <param name="environment">dev, staging or prod, as the user gave it.</param>
    /// <param name="source">Where <paramref name="environment"/> came from, named in errors (<c>--env</c>, <c>TRADAI_ENV</c>).</param>
    /// <param name="assignments">Context overrides as <c>key=value</c>.</param>
    /// <param name="startDirectory">Usually the current directory.</param>
    /// <exception cref="Config.Core.Errors.ConfigValidationException">An unknown environment, a bad override or a malformed cdk.json / infra/.env.</exception>
    public static InfraWorkspaceResolution Resolve(string environment, string source, IEnumerable<string>? assignments, string startDirectory)
    {
        var cdkJson = CdkJson.Find(startDirectory);
        var context = BuildContext(DeploymentEnvironmentParser.Parse(environment, source), assignments, cdkJson);
        var sources = InfraSources.FromProcess(context, startDirectory);
        return new InfraWorkspaceResolution(InfraConfigResolver.Resolve(sources), sources, cdkJson);
    }

    /// <summary>cdk.json's context, then the overrides, then the environment (which always wins).</summary>
    /// <exception cref="Config.Core.Errors.ConfigValidationException">An override is not <c>key=value</c> or names an unknown key.</exception>
    public static InfraContext BuildContext(DeploymentEnvironment environment, IEnumerable<string>? assignments, CdkJson? cdkJson)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in cdkJson?.Context ?? [])
        {
            values[key] = value;
        }

        foreach (var (key, value) in InfraContext.Parse(assignments ?? []).Values)
        {
            values[key] = value;
        }

        values[InfraContextKeys.Environment] = environment.ToName();
        return InfraContext.From(values);
    }
}

