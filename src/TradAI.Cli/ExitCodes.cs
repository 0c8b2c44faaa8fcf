using TradAI.Config.Core.Errors;

namespace TradAI.Cli;

/// <summary>The documented exit codes of <c>tradai</c> (README, "Exit codes"): the one mapping from errors to codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ValidationFailed = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Conflict = 4;
    public const int ExternalService = 5;
    public const int Cancelled = 130;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => ValidationFailed,
        ErrorKind.NotFound => NotFound,
        ErrorKind.Conflict => Conflict,
        _ => ExternalService,
    };
}
