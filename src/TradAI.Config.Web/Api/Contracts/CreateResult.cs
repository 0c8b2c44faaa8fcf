namespace TradAI.Config.Web.Api.Contracts;

/// <summary>The answer to <c>POST /api/strategies/{name}/versions</c>: 201 when created, 200 when the content already had a version.</summary>
public sealed record CreateResult(string ConfigId, string Status, bool Created, VersionItem Version);
