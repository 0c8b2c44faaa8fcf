using Microsoft.AspNetCore.Diagnostics;
using TradAI.Config.Core.Errors;
using TradAI.Config.Web.Pages;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web.Api;

/// <summary>
/// The console's single catch: typed errors and request problems become their status with a problem document (API) or
/// an error page (browser); anything unexpected is logged and answered 500 without its message.
/// </summary>
internal sealed partial class ConsoleExceptionHandler(ILogger<ConsoleExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the caller went away: nobody to answer
        }

        var status = Problems.StatusOf(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (exception is TradaiException { Kind: ErrorKind.ExternalService })
        {
            ConsoleLog.StoreUnavailable(logger, exception.Message);
        }

        if (ConsolePaths.IsPage(httpContext.Request))
        {
            await ErrorPage.WriteAsync(httpContext, status, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), Problems.DetailOf(exception), Problems.EntriesOf(exception))
                .ConfigureAwait(false);
            return true;
        }

        await Problems.WriteAsync(httpContext, Problems.From(exception, httpContext.Request.Path)).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "unexpected failure answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
