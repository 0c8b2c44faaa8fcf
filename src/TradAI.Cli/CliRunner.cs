using System.CommandLine;
using TradAI.Cli.Output;
using TradAI.Config.Core.Errors;

namespace TradAI.Cli;

/// <summary>
/// Runs a command body and prints its one result through <see cref="OutputPrinter"/>; turns the typed errors into a
/// one-line message on stderr and the documented exit code. No stack trace ever reaches the user.
/// </summary>
internal static class CliRunner
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, run through <see cref="RunAsync"/>.</summary>
    public static Command WithAction(this Command command, Func<CliContext, CancellationToken, Task<CommandOutput>> body)
    {
        command.SetAction((result, ct) => RunAsync(result, body, ct));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, Func<CliContext, CancellationToken, Task<CommandOutput>> body, CancellationToken cancellationToken)
    {
        var context = new CliContext(result);
        try
        {
            var output = await body(context, cancellationToken).ConfigureAwait(false);
            await OutputPrinter.PrintAsync(context, output).ConfigureAwait(false);
            return output.ExitCode;
        }
        catch (TradaiException ex)
        {
            await context.WriteErrorLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.For(ex.Kind);
        }
        catch (UsageException ex)
        {
            await context.WriteErrorLineAsync($"usage error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await context.WriteErrorLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // Last resort: name the failure without a stack trace or raw input.
            await context.WriteErrorLineAsync($"error: unexpected {ex.GetType().Name}: {InputSanitizer.Sanitize(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.ExternalService;
        }
    }
}
