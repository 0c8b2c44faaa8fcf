using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using TradAI.Config.Core.Errors;

namespace TradAI.Cli.Commands;

/// <summary>
/// Where <c>tradai serve</c> runs the console. ASP.NET Core would make the native <c>tradai</c> 11 MB bigger and every
/// command's start-up about 7 ms slower, so the Native AOT build leaves it out (a feature switch the AOT compiler folds)
/// and hands <c>serve</c> to its companion <c>tradai-console</c>: this same CLI with the console linked in, published
/// beside it. JIT builds (tests, <c>dotnet run</c>, the <c>any</c> tool package) host the console in process.
/// </summary>
internal static partial class ConsoleProcess
{
    /// <summary>The feature switch; the AOT build of <c>tradai</c> sets it to false (src/TradAI.Cli/TradAI.Cli.csproj).</summary>
    public const string InProcessSwitch = "TradAI.Cli.ConsoleInProcess";

    public const string CompanionName = "tradai-console";

    /// <summary>True where the console is linked into this executable.</summary>
    [FeatureSwitchDefinition(InProcessSwitch)]
    public static bool InProcess => !AppContext.TryGetSwitch(InProcessSwitch, out var enabled) || enabled;

    /// <summary>The companion executable, beside this one.</summary>
    public static string CompanionPath =>
        Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? CompanionName + ".exe" : CompanionName);

    /// <summary>
    /// Runs this command line in the companion. On Unix the companion replaces this process (same pid, same stdio), so
    /// a signal sent to <c>tradai serve</c> reaches the server; on Windows it runs as a child whose exit code is returned.
    /// </summary>
    /// <exception cref="ExternalServiceException">The companion is missing or cannot be started.</exception>
    public static async Task<int> HandOverAsync(CliContext context)
    {
        var companion = CompanionPath;
        if (!File.Exists(companion))
        {
            throw new ExternalServiceException("filesystem",
                $"tradai serve runs the console in {InputSanitizer.Sanitize(companion)}, which is missing: install the TradAI.Cli tool package or publish with scripts/publish-cli.sh, which put it beside tradai");
        }

        var args = Environment.GetCommandLineArgs()[1..];
        await context.Out.FlushAsync().ConfigureAwait(false);
        await context.Error.FlushAsync().ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            Execv(companion, [companion, .. args, null]);
            throw new ExternalServiceException("filesystem", $"cannot start {InputSanitizer.Sanitize(companion)} (errno {Marshal.GetLastPInvokeError()})");
        }

        var start = new ProcessStartInfo(companion) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Ctrl+C reaches the whole console group: the child stops the server, this process waits for it.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var child = Process.Start(start) ?? throw new ExternalServiceException("filesystem", $"cannot start {InputSanitizer.Sanitize(companion)}");
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, string?[] argv);
}
