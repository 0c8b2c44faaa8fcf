using Microsoft.AspNetCore.Antiforgery;
using TradAI.Config.Web.Catalog;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web.Pages;

/// <summary>The frame of every page: head (viewport for phones, the one stylesheet, no script), header, footer.</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, string title, Action<Html> body, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(Render(context, title, body), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static string Render(HttpContext context, string title, Action<Html> body)
    {
        var html = new Html();
        html.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · TradAI config console</title>")
            .Raw("<link rel=\"stylesheet\"").Attr("href", ConsoleUrls.Stylesheet).Raw("></head><body>")
            .Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">TradAI config</a>");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            html.Raw("<span class=\"who\">").Text(ConsoleUser.Display(context.User));
            if (!ConsoleUser.IsDeployer(context.User))
            {
                html.Raw(" <span class=\"badge deprecated\">read-only</span>");
            }

            html.Raw("</span>");
            if (context.User.Identity.AuthenticationType == ConsoleSchemes.Cookie)
            {
                html.Raw("<form method=\"post\" action=\"/logout\" class=\"inline\">");
                Antiforgery(context, html);
                html.Raw("<button type=\"submit\" class=\"link\">Sign out</button></form>");
            }
        }

        html.Raw("</header><main>");
        body(html);
        html.Raw("</main><footer>");
        if (context.RequestServices.GetService(typeof(StrategyCatalog)) is StrategyCatalog catalog)
        {
            html.Text(catalog.StoreDescription);
        }

        html.Raw("</footer></body></html>");
        return html.ToString();
    }

    /// <summary>The antiforgery field every form carries (its cookie is set on the same response).</summary>
    public static void Antiforgery(HttpContext context, Html html)
    {
        var antiforgery = (IAntiforgery)context.RequestServices.GetService(typeof(IAntiforgery))!;
        var tokens = antiforgery.GetAndStoreTokens(context);
        html.Hidden(tokens.FormFieldName, tokens.RequestToken);
    }
}
