using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Web.Hosting;

/// <summary>The stores the console works on, as the CLI opens them (<c>--backend</c>, <c>--store</c>, <c>--table</c>...).</summary>
/// <param name="Versions">The version store (SQLite or DynamoDB).</param>
/// <param name="Configs">The config store whose configs are listed as strategies (folder or S3); null lists versions only.</param>
/// <param name="Description">Shown in the page footer and logs, e.g. <c>sqlite: configs/.tradai/versions.db</c>.</param>
public sealed record ConsoleStores(IConfigVersionRepository Versions, IConfigRepository? Configs, string Description);
