namespace TradAI.Infra.Tests.Synthesis;

/// <summary>Short syntax for the nested dictionaries CDK assertion matchers take.</summary>
internal static class Props
{
    public static Dictionary<string, object> Of(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
