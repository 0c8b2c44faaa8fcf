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
        var psi = new ProcessStartInfo(Command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
            throw new InvalidOperationException(
                $"cfn-lint is needed to lint the synthesized templates and '{Command}' could not be run ({ex.Message}): " +
                "install it (pipx install cfn-lint) or point CFN_LINT at it; scripts/check-cfn-lint.sh checks for it", ex);
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

            // Exit codes are a bitmask of the levels found (2 error, 4 warning, 8 info); 1 means cfn-lint itself failed.
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
}
