namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>A string with <c>${</c> that OmegaConf's grammar rejects (OmegaConf raises <c>GrammarParseError</c>).</summary>
internal sealed class InterpolationSyntaxException(string message) : Exception(message);
