using TradAI.Config.Core.Errors;

namespace TradAI.Cli;

/// <summary>
/// Runs a command body and turns the typed errors into a one-line message on stderr and the documented exit code.
/// No stack trace ever reaches the user.
/// </summary>
internal static class CliRunner
{
    /// <summary>Standard error, where every diagnostic goes; stdout carries only the result.</summary>
    public static TextWriter Error { get; set; } = Console.Error;

    /// <summary>Standard output for results.</summary>
    public static TextWriter Out { get; set; } = Console.Out;

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (TradaiException ex)
        {
            await Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.For(ex.Kind);
        }
        catch (UsageException ex)
        {
            await Error.WriteLineAsync($"usage error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex)
        {
            // Last resort: name the failure without a stack trace or raw input.
            await Error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {InputSanitizer.Sanitize(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.ExternalService;
        }
    }
}

/// <summary>The command line itself is wrong (a missing or contradictory option): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
