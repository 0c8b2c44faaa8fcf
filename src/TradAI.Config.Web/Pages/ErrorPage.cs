using TradAI.Config.Web.Api.Contracts;

namespace TradAI.Config.Web.Pages;

/// <summary>A failure shown in the browser: the status, what went wrong, every validation problem with its path.</summary>
internal static class ErrorPage
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IReadOnlyList<ProblemEntry>? problems = null)
    {
        var result = Layout.Page(context, title, html =>
        {
            html.Raw("<section class=\"card error\">").Element("h1", title).Element("p", detail);
            Problems(html, problems);
            html.Raw("<p>").Link(ConsoleUrls.Home, "Back to the strategies").Raw("</p></section>");
        }, status);
        return result.ExecuteAsync(context);
    }

    /// <summary>Validation problems as a list, path first.</summary>
    public static void Problems(Html html, IReadOnlyList<ProblemEntry>? problems)
    {
        if (problems is not { Count: > 0 })
        {
            return;
        }

        html.Raw("<ul class=\"problems\">");
        foreach (var p in problems)
        {
            html.Raw("<li>").Element("code", p.Path.Length == 0 ? "(document)" : p.Path).Raw(" ").Text(p.Message).Raw("</li>");
        }

        html.Raw("</ul>");
    }
}
