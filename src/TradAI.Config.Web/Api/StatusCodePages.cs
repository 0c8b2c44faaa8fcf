using Microsoft.AspNetCore.Diagnostics;
using TradAI.Config.Web.Pages;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web.Api;

/// <summary>Bodies for bare status codes (an unknown route's 404, a wrong method's 405): a problem for the API, a page for the browser.</summary>
internal static class StatusCodePages
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        var detail = status == Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound ? "no such page or resource" : title;
        return ConsolePaths.IsPage(http.Request)
            ? ErrorPage.WriteAsync(http, status, title, detail)
            : Problems.WriteAsync(http, Problems.Create(status, detail, instance: http.Request.Path));
    }
}
