using Microsoft.AspNetCore.Mvc;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Web.Api.Contracts;
using TradAI.Config.Web.Catalog;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web.Api;

/// <summary>
/// The JSON API over the version store. Handlers only translate: inputs through <see cref="ApiInputs"/>, the work through
/// <see cref="ConfigVersionService"/> (the CLI's rules), errors to problems in <see cref="ConsoleExceptionHandler"/>.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", HealthAsync)
            .AllowAnonymous()
            .WithName("health")
            .WithTags("health")
            .WithSummary("200 when the stores answer, 503 otherwise (no credentials needed)")
            .Produces<HealthResult>(StatusCodes.Status200OK)
            .Produces<HealthResult>(StatusCodes.Status503ServiceUnavailable);

        var api = endpoints.MapGroup("/api/strategies")
            .WithTags("strategies")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/", ListStrategiesAsync)
            .WithName("listStrategies")
            .WithSummary("Every strategy with versions and every config in the config store")
            .Produces<IReadOnlyList<StrategyItem>>();

        api.MapGet("/{name}/versions", ListVersionsAsync)
            .WithName("listVersions")
            .WithSummary("Versions newest first; status filters, next_token pages")
            .Produces<VersionPage>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{name}/versions/{id}", GetVersionAsync)
            .WithName("getVersion")
            .WithSummary("One version with its content; ETag is its config id")
            .Produces<VersionItem>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{name}/active", GetActiveAsync)
            .WithName("getActive")
            .WithSummary("The active version with its content (404 if none); its ETag is what If-Match sends")
            .Produces<VersionItem>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{name}/diff", DiffAsync)
            .WithName("diff")
            .WithSummary("The structural diff of two versions by path: added, removed, changed")
            .Produces<DiffResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{name}/versions", CreateAsync)
            .RequireAuthorization(ConsoleSchemes.DeployersPolicy)
            .WithName("createVersion")
            .WithSummary("Create a draft from a YAML or JSON body (201), or find the version that has this content (200)")
            .Accepts<string>("application/yaml", "application/json")
            .Produces<CreateResult>(StatusCodes.Status201Created)
            .Produces<CreateResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{name}/versions/{id}/activate", ActivateAsync)
            .RequireAuthorization(ConsoleSchemes.DeployersPolicy)
            .WithName("activate")
            .WithSummary("Activate a draft; If-Match: \"<active config_id>\" (or If-None-Match: *) makes it conditional")
            .Produces<ActivationResult>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{name}/rollback", RollbackAsync)
            .RequireAuthorization(ConsoleSchemes.DeployersPolicy)
            .WithName("rollback")
            .WithSummary("Make the content of version ?to=ID active again as a new version (201; 200 when a draft already had it)")
            .Produces<ActivationResult>(StatusCodes.Status201Created)
            .Produces<ActivationResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> HealthAsync(StrategyCatalog catalog, ILogger<StrategyCatalog> logger, CancellationToken ct)
    {
        // Anyone may ask, so the answer names no store, path or error; the log has the details.
        var (healthy, problem) = await catalog.CheckAsync(ct).ConfigureAwait(false);
        if (problem is not null)
        {
            ConsoleLog.StoreUnavailable(logger, problem);
        }

        return TypedResults.Json(
            new HealthResult(healthy ? "ok" : "unavailable"),
            ConsoleJsonContext.Default.HealthResult,
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ListStrategiesAsync(StrategyCatalog catalog, CancellationToken ct)
    {
        var rows = await catalog.ListAsync(ct).ConfigureAwait(false);
        return TypedResults.Json<IReadOnlyList<StrategyItem>>([.. rows.Select(ApiMapping.ToItem)], ConsoleJsonContext.Default.IReadOnlyListStrategyItem);
    }

    private static async Task<IResult> ListVersionsAsync(
        string name, StrategyCatalog catalog, string? status, string? limit, [FromQuery(Name = "next_token")] string? nextToken, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        ConfigVersionPage page;
        try
        {
            page = await catalog.Versions.ListAsync(strategy, ApiInputs.Status(status), ApiInputs.Limit(limit), nextToken, ct).ConfigureAwait(false);
        }
        catch (ConfigValidationException ex)
        {
            // Name, status and limit are checked above: what is left is a next_token the store cannot read, a bad request.
            throw new RequestException(StatusCodes.Status400BadRequest, $"next_token: {ex.Problems[0].Message}");
        }

        return TypedResults.Json(
            new VersionPage([.. page.Items.Select(v => ApiMapping.ToItem(v, includeData: false))], page.ContinuationToken),
            ConsoleJsonContext.Default.VersionPage);
    }

    private static async Task<IResult> GetVersionAsync(string name, string id, StrategyCatalog catalog, HttpResponse response, CancellationToken ct)
    {
        var version = await catalog.Versions.GetAsync(ApiInputs.Strategy(name), ApiInputs.ConfigId(id), ct).ConfigureAwait(false);
        response.Headers.ETag = ApiInputs.EntityTag(version);
        return TypedResults.Json(ApiMapping.ToItem(version, includeData: true), ConsoleJsonContext.Default.VersionItem);
    }

    private static async Task<IResult> GetActiveAsync(string name, StrategyCatalog catalog, HttpResponse response, CancellationToken ct)
    {
        var version = await catalog.Versions.GetActiveAsync(ApiInputs.Strategy(name), ct).ConfigureAwait(false);
        response.Headers.ETag = ApiInputs.EntityTag(version);
        return TypedResults.Json(ApiMapping.ToItem(version, includeData: true), ConsoleJsonContext.Default.VersionItem);
    }

    private static async Task<IResult> DiffAsync(string name, string? from, string? to, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var diff = await catalog.Versions.DiffAsync(strategy, ApiInputs.RequiredConfigId(from, "from"), ApiInputs.RequiredConfigId(to, "to"), ct).ConfigureAwait(false);
        return TypedResults.Json(ApiMapping.ToResult(diff), ConsoleJsonContext.Default.DiffResult);
    }

    private static async Task<IResult> CreateAsync(string name, HttpContext context, StrategyCatalog catalog, ConsoleOptions options, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var config = await ApiInputs.ReadConfigAsync(context.Request, options.Input, ct).ConfigureAwait(false);
        var write = await catalog.Versions.CreateAsync(strategy, config, ConsoleUser.Name(context.User), ct).ConfigureAwait(false);
        var version = write.Version;
        context.Response.Headers.ETag = ApiInputs.EntityTag(version);
        if (write.Created)
        {
            context.Response.Headers.Location = $"/api/strategies/{Uri.EscapeDataString(strategy)}/versions/{version.ConfigId}";
        }

        return TypedResults.Json(
            new CreateResult(version.ConfigId, version.Status.ToWire(), write.Created, ApiMapping.ToItem(version, includeData: false)),
            ConsoleJsonContext.Default.CreateResult,
            statusCode: write.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ActivateAsync(string name, string id, HttpRequest request, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var configId = ApiInputs.ConfigId(id);
        var write = await catalog.Versions.ActivateAsync(strategy, configId, ConsoleUser.Name(request.HttpContext.User), ApiInputs.Precondition(request), ct).ConfigureAwait(false);
        request.HttpContext.Response.Headers.ETag = ApiInputs.EntityTag(write.Version);
        return TypedResults.Json(ApiMapping.ToResult(write, rollback: false), ConsoleJsonContext.Default.ActivationResult);
    }

    private static async Task<IResult> RollbackAsync(string name, string? to, HttpContext context, StrategyCatalog catalog, CancellationToken ct)
    {
        var strategy = ApiInputs.Strategy(name);
        var target = ApiInputs.RequiredConfigId(to, "to");
        var precondition = ApiInputs.Precondition(context.Request);
        var write = await catalog.Versions.RollbackAsync(strategy, target, ConsoleUser.Name(context.User), precondition, ct).ConfigureAwait(false);
        context.Response.Headers.ETag = ApiInputs.EntityTag(write.Version);
        return TypedResults.Json(
            ApiMapping.ToResult(write, rollback: true),
            ConsoleJsonContext.Default.ActivationResult,
            statusCode: write.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }
}
