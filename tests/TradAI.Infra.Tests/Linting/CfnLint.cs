using System.Diagnostics;
using System.Text.Json;

namespace TradAI.Infra.Tests.Linting;

/// <summary>
/// Runs cfn-lint (the CloudFormation linter, in the machine image; <c>CFN_LINT</c> names another one) over template
/// files and reads its JSON findings. A missing cfn-lint is a failure that says how to get it, never a skip.
/// </summary>
internal static class CfnLint
{
    /// <summary>The command: <c>$CFN_LINT</c>, else <c>cfn-lint</c> on PATH.</summary>
    public static string Command => Environment.GetEnvironmentVariable("CFN_LINT") is { Length: > 0 } path ? path : "cfn-lint";

    public static async Task<IReadOnlyList<CfnLintFinding>> RunAsync(IReadOnlyList<string> templates, CancellationToken ct)
    {
        // At the lowest CPU priority where there is one: the lint runs beside the synthesis tests and must not slow them.
        var niced = !OperatingSystem.IsWindows() && File.Exists("/usr/bin/nice");
        var psi = new ProcessStartInfo(niced ? "/usr/bin/nice" : Command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (niced)
        {
            psi.ArgumentList.Add("-n");
            psi.ArgumentList.Add("19");
            psi.ArgumentList.Add(Command);
        }

        foreach (var arg in (string[])["--format", "json", "--"])
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var template in templates)
        {
            psi.ArgumentList.Add(template);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("cfn-lint did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw Missing(ex.Message, ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var json = await stdout;

            // Exit codes are a bitmask of the levels found (2 error, 4 warning, 8 info); 1 means cfn-lint itself failed,
            // and nice answers 126/127 when it cannot run the command.
            if (process.ExitCode is 126 or 127)
            {
                throw Missing((await stderr).Trim(), null);
            }

            if (process.ExitCode == 1 || json.Length == 0)
            {
                throw new InvalidOperationException($"cfn-lint failed (exit {process.ExitCode}): {await stderr}");
            }

            using var doc = JsonDocument.Parse(json);
            return [.. doc.RootElement.EnumerateArray().Select(f => new CfnLintFinding(
                f.GetProperty("Rule").GetProperty("Id").GetString()!,
                f.GetProperty("Level").GetString()!,
                f.GetProperty("Message").GetString()!,
                f.GetProperty("Filename").GetString()!,
                f.GetProperty("Location").GetProperty("Start").GetProperty("LineNumber").GetInt32()))];
        }
    }

    private static InvalidOperationException Missing(string why, Exception? inner) => new(
        $"cfn-lint is needed to lint the synthesized templates and '{Command}' could not be run ({why}): " +
        "install it (pipx install cfn-lint) or point CFN_LINT at it; scripts/check-cfn-lint.sh checks for it", inner);
}
