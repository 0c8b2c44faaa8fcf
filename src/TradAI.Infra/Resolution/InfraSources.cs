using System.Collections;
using TradAI.Infra.Context;

namespace TradAI.Infra.Resolution;

/// <summary>
/// Everything a resolution reads: the context overrides and the environment variables (the process's, with
/// <c>infra/.env</c> filling in what the process does not set). Passing them in keeps resolution a pure function.
/// </summary>
/// <param name="Context">CDK context / <c>--context</c> overrides.</param>
/// <param name="EnvironmentVariables">Variables consulted after the context (ENVIRONMENT, PROJECT_NAME, AWS_REGION).</param>
/// <param name="DotEnvPath">The <c>infra/.env</c> file that was loaded, if any.</param>
public sealed record InfraSources(
    InfraContext Context,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    string? DotEnvPath = null)
{
    /// <summary>Context only, no environment variables: what tests and reproducible runs use.</summary>
    public static InfraSources FromContext(InfraContext context) =>
        new(context, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// The process environment plus <c>infra/.env</c> found from <paramref name="startDirectory"/> upwards.
    /// Variables already set in the process win over the file, as with most dotenv loaders.
    /// </summary>
    public static InfraSources FromProcess(InfraContext context, string startDirectory) =>
        FromProcess(context, startDirectory, ProcessVariables());

    /// <summary>
    /// As <see cref="FromProcess(InfraContext, string)"/> with <paramref name="processEnvironment"/> standing for the
    /// process's variables (what tests and embedding hosts pass, so the precedence does not depend on the machine).
    /// </summary>
    public static InfraSources FromProcess(InfraContext context, string startDirectory, IReadOnlyDictionary<string, string> processEnvironment)
    {
        ArgumentNullException.ThrowIfNull(processEnvironment);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var dotEnv = InfraDotEnv.Find(startDirectory);
        if (dotEnv is not null)
        {
            foreach (var (key, value) in InfraDotEnv.Read(dotEnv))
            {
                variables[key] = value;
            }
        }

        foreach (var (key, value) in processEnvironment)
        {
            variables[key] = value;
        }

        return new InfraSources(context, variables, dotEnv);
    }

    private static Dictionary<string, string> ProcessVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return variables;
    }

    /// <summary>A variable's value, or null when unset or blank.</summary>
    public string? Variable(string name) =>
        EnvironmentVariables.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}
