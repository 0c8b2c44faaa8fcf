
namespace TradAI.Config.Web.Api;

/// <summary>The console's log messages (source-generated: no boxing, no reflection).</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "a store is unavailable: {Detail}")]
    public static partial void StoreUnavailable(ILogger logger, string detail);
}
