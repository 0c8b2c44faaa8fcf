namespace TradAI.Infra.Tests.Synthesis;

/// <summary>The logical-id prefixes the stacks give per-service constructs (<c>backend</c> → <c>BackendTask</c>).</summary>
internal static class CdkIdsForTests
{
    public static string Task(string service) =>
        string.Concat(service.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "Task";
}
