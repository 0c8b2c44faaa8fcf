using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TradAI.Config.Core.Errors;
using TradAI.Config.Web.Api.Contracts;

namespace TradAI.Config.Web.Api;

/// <summary>
/// RFC 9457 problem documents (ASP.NET's <see cref="ProblemDetails"/>): the one mapping from the typed errors to HTTP
/// statuses. Details are the errors' own messages, which carry no secret and no raw input.
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The extension member listing every validation problem with its path.</summary>
    public const string ErrorsMember = "errors";

    /// <summary>The status of a failure: a request problem keeps its own; typed errors map by kind; anything else is a 500.</summary>
    public static int StatusOf(Exception error) => error switch
    {
        RequestException r => r.Status,
        ConfigValidationException => StatusCodes.Status422UnprocessableEntity,
        NotFoundException => StatusCodes.Status404NotFound,
        PreconditionFailedException => StatusCodes.Status412PreconditionFailed,
        ConflictException => StatusCodes.Status409Conflict,
        TradaiException => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException b => b.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>What a caller may be told about a failure: typed errors' messages are safe; anything unexpected is not.</summary>
    public static string DetailOf(Exception error) => error switch
    {
        ConfigValidationException { Problems.Count: > 1 } => "the config has validation problems; see errors",
        TradaiException or RequestException => error.Message,
        BadHttpRequestException => "the request could not be read",
        _ => "an unexpected error occurred; see the console's log",
    };

    /// <summary>Every problem with its path, for a validation failure; null otherwise.</summary>
    public static IReadOnlyList<ProblemEntry>? EntriesOf(Exception error) =>
        error is ConfigValidationException v ? [.. v.Problems.Select(p => new ProblemEntry(p.Path, p.Message))] : null;

    public static ProblemDetails Create(int status, string? detail, IReadOnlyList<ProblemEntry>? errors = null, string? instance = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = detail,
            Instance = instance,
        };
        if (errors is not null)
        {
            problem.Extensions[ErrorsMember] = errors;
        }

        return problem;
    }

    public static ProblemDetails From(Exception error, string? instance) => Create(StatusOf(error), DetailOf(error), EntriesOf(error), instance);

    /// <summary>
    /// Writes a problem through ASP.NET's problem-details service (JSON options, customisation), falling back to plain
    /// <c>application/problem+json</c> when the caller's Accept header names no JSON type.
    /// </summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem) => TypedResults.Problem(problem).ExecuteAsync(context);
}
