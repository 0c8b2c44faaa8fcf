using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Web.Api;
using TradAI.Config.Web.Catalog;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web.Pages;

/// <summary>
/// The server-rendered console: plain GET pages and POST forms (antiforgery-checked), no script. Writes go through the
/// same <see cref="ConfigVersionService"/> calls as the API, conditional on the active version the page showed.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>How many versions the strategy page lists.</summary>
    public const int HistoryPageSize = 50;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ConsoleUrls.Stylesheet, Assets.Stylesheet).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/login", LoginAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/logout", LogoutAsync).ExcludeFromDescription();

        endpoints.MapGet("/", HomeAsync).ExcludeFromDescription();
        endpoints.MapGet("/strategies/{name}", StrategyAsync).ExcludeFromDescription();
        endpoints.MapGet("/strategies/{name}/diff", DiffAsync).ExcludeFromDescription();
        endpoints.MapGet("/strategies/{name}/versions/{id}/activate", ConfirmActivateAsync).RequireAuthorization(ConsoleSchemes.DeployersPolicy).ExcludeFromDescription();
        endpoints.MapPost("/strategies/{name}/versions/{id}/activate", ActivateAsync).RequireAuthorization(ConsoleSchemes.DeployersPolicy).ExcludeFromDescription();
        endpoints.MapGet("/strategies/{name}/rollback", ConfirmRollbackAsync).RequireAuthorization(ConsoleSchemes.DeployersPolicy).ExcludeFromDescription();
        endpoints.MapPost("/strategies/{name}/rollback", RollbackAsync).RequireAuthorization(ConsoleSchemes.DeployersPolicy).ExcludeFromDescription();
        endpoints.MapPost("/strategies/{name}/versions", CreateAsync).RequireAuthorization(ConsoleSchemes.DeployersPolicy).ExcludeFromDescription();
    }

    /// <summary>Exchanges the local token for an HttpOnly, SameSite=Strict session cookie, then leaves the token's URL.</summary>
    private static async Task<IResult> LoginAsync(HttpContext context, ConsoleOptions options, string? token)
    {
        if (token is null || !LocalTokenHandler.Matches(options.Token, token))
        {
            var page = Layout.Page(context, "Sign in", html => html.Raw("<section class=\"card error\"><h1>Sign in</h1>")
                .Element("p", "That sign-in link is not valid. Use the link 'tradai serve' printed, or the token in TRADAI_CONSOLE_TOKEN.")
                .Raw("</section>"), StatusCodes.Status401Unauthorized);
            return page;
        }

        await context.SignInAsync(ConsoleSchemes.Cookie, ConsoleUser.Local(options, ConsoleSchemes.Cookie), new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = DateTimeOffset.UtcNow.Add(options.SessionLifetime),
        }).ConfigureAwait(false);
        return TypedResults.Redirect(ConsoleUrls.Home);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        await ValidateFormAsync(context, antiforgery).ConfigureAwait(false);
        await context.SignOutAsync(ConsoleSchemes.Cookie).ConfigureAwait(false);
        return Layout.Page(context, "Signed out", html => html.Raw("<section class=\"card\"><h1>Signed out</h1>")
            .Element("p", "Open the sign-in link again to come back.").Raw("</section>"));
    }

    private static async Task<IResult> HomeAsync(HttpContext context, StrategyCatalog catalog, CancellationToken ct)
    {
        var rows = await catalog.ListAsync(ct).ConfigureAwait(false);
        return Layout.Page(context, "Strategies", html => StrategyViews.Strategies(html, rows));
    }

    private static async Task<IResult> StrategyAsync(string name, string? done, string? id, HttpContext context, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var (history, more) = await catalog.HistoryAsync(strategy, HistoryPageSize, ct).ConfigureAwait(false);
        var notice = Notice(done, id);
        return Layout.Page(context, strategy, html => StrategyViews.Strategy(html, context, strategy, history, more, notice));
    }

    private static async Task<IResult> DiffAsync(string name, string? from, string? to, HttpContext context, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var diff = await catalog.Versions.DiffAsync(strategy, ApiInputs.RequiredConfigId(from, "from"), ApiInputs.RequiredConfigId(to, "to"), ct).ConfigureAwait(false);
        return Layout.Page(context, $"{strategy}: diff", html =>
        {
            html.Raw("<p class=\"crumbs\">").Link(ConsoleUrls.Home, "Strategies").Raw(" / ").Link(ConsoleUrls.Strategy(strategy), strategy).Raw(" / </p>")
                .Element("h1", $"{diff.FromConfigId} → {diff.ToConfigId}");
            html.Raw("<section class=\"card\">");
            StrategyViews.Diff(html, diff, "Differences by path");
            html.Raw("</section>");
        });
    }

    private static async Task<IResult> ConfirmActivateAsync(string name, string id, HttpContext context, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var target = await catalog.Versions.GetAsync(strategy, ApiInputs.ConfigId(id), ct).ConfigureAwait(false);
        var active = await catalog.Versions.TryGetActiveAsync(strategy, ct).ConfigureAwait(false);
        var diff = active is null ? null : ConfigDiff.Compute(active.ConfigData, target.ConfigData, active.ConfigId, target.ConfigId);
        return Layout.Page(context, $"{strategy}: activate {target.ConfigId}", html => StrategyViews.Confirm(
            html, context, strategy, ConsoleUrls.Activate(strategy, target.ConfigId), $"Activate {target.ConfigId}?", $"Activate {target.ConfigId}", target, active, diff));
    }

    private static async Task<IResult> ActivateAsync(string name, string id, HttpContext context, StrategyCatalog catalog, IAntiforgery antiforgery, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var configId = ApiInputs.ConfigId(id);
        var form = await ValidateFormAsync(context, antiforgery).ConfigureAwait(false);
        var write = await catalog.Versions.ActivateAsync(strategy, configId, ConsoleUser.Name(context.User), Expected(form["expected"]), ct).ConfigureAwait(false);
        return TypedResults.Redirect(ConsoleUrls.Done(strategy, "activated", write.Version.ConfigId));
    }

    private static async Task<IResult> ConfirmRollbackAsync(string name, string? to, HttpContext context, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var target = await catalog.Versions.GetAsync(strategy, ApiInputs.RequiredConfigId(to, "to"), ct).ConfigureAwait(false);
        var active = await catalog.Versions.TryGetActiveAsync(strategy, ct).ConfigureAwait(false);
        var diff = active is null ? null : ConfigDiff.Compute(active.ConfigData, target.ConfigData, active.ConfigId, target.ConfigId);
        return Layout.Page(context, $"{strategy}: roll back to {target.ConfigId}", html => StrategyViews.Confirm(
            html, context, strategy, ConsoleUrls.Rollback(strategy), $"Roll back to {target.ConfigId}?", $"Roll back to {target.ConfigId}", target, active, diff, rollbackTo: target.ConfigId));
    }

    private static async Task<IResult> RollbackAsync(string name, HttpContext context, StrategyCatalog catalog, IAntiforgery antiforgery, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var form = await ValidateFormAsync(context, antiforgery).ConfigureAwait(false);
        var target = ApiInputs.RequiredConfigId(form["to"], "to");
        var write = await catalog.Versions.RollbackAsync(strategy, target, ConsoleUser.Name(context.User), Expected(form["expected"]), ct).ConfigureAwait(false);
        return TypedResults.Redirect(ConsoleUrls.Done(strategy, "rolled-back", write.Version.ConfigId));
    }

    private static async Task<IResult> CreateAsync(string name, HttpContext context, StrategyCatalog catalog, ConsoleOptions options, IAntiforgery antiforgery, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var form = await ValidateFormAsync(context, antiforgery).ConfigureAwait(false);
        var content = form["content"].ToString();
        try
        {
            var config = ApiInputs.ParseDocument(System.Text.Encoding.UTF8.GetBytes(content), options.Input);
            var write = await catalog.Versions.CreateAsync(strategy, config, ConsoleUser.Name(context.User), ct).ConfigureAwait(false);
            return TypedResults.Redirect(ConsoleUrls.Done(strategy, write.Created ? "created" : "exists", write.Version.ConfigId));
        }
        catch (Exception ex) when (ex is ConfigValidationException or RequestException)
        {
            // Shown on the strategy page beside the submitted text, every problem with its path.
            var (history, more) = await catalog.HistoryAsync(strategy, HistoryPageSize, ct).ConfigureAwait(false);
            var status = Problems.StatusOf(ex);
            return Layout.Page(context, strategy, html => StrategyViews.Strategy(
                html, context, strategy, history, more, notice: null, content, Problems.EntriesOf(ex), ex.Message), status);
        }
    }

    /// <summary>Reads an urlencoded form and checks its antiforgery token (a 400 when either is wrong).</summary>
    private static async Task<IFormCollection> ValidateFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new RequestException(StatusCodes.Status415UnsupportedMediaType, "submit the console's form");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, "the form has expired or did not come from this console: reload the page and try again");
        }

        return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The active version the form showed: empty means none was active.</summary>
    private static ActivePrecondition Expected(string? shown) =>
        string.IsNullOrEmpty(shown) ? ActivePrecondition.NoneActive : ActivePrecondition.Active(ApiInputs.ConfigId(shown, "expected"));

    private static string? Notice(string? done, string? id)
    {
        if (id is null || !ConfigVersionId.TryParse(id, out _, out _))
        {
            return null;
        }

        return done switch
        {
            "activated" => $"{id} is now active.",
            "rolled-back" => $"Rolled back: {id} is now active.",
            "created" => $"Draft {id} created.",
            "exists" => $"This content is already version {id}.",
            _ => null,
        };
    }
}
