namespace TradAI.Config.Web.Api.Contracts;

/// <summary>One validation problem: where (a dotted path, empty for the document) and what.</summary>
public sealed record ProblemEntry(string Path, string Message);
