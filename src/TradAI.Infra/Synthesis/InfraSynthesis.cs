using TradAI.Config.Core.Errors;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Synthesis;

/// <summary>
/// <c>tradai infra synth</c> as a library: check every override first (a bad value fails in milliseconds, before
/// Node starts), find the app (<c>--app</c>, <c>TRADAI_INFRA_CDK_APP</c>, the nearest <c>cdk.json</c>), run it over the
/// cloud-assembly protocol, and read the stacks it wrote.
/// </summary>
public static class InfraSynthesis
{
    /// <summary>Resolves and checks everything a run needs; null when nothing names a CDK app to run.</summary>
    /// <param name="environment">dev, staging or prod.</param>
    /// <param name="source">Where <paramref name="environment"/> came from (named in errors).</param>
    /// <param name="assignments">Context overrides, <c>key=value</c>.</param>
    /// <param name="outputDirectory">Cloud assembly folder; relative to <paramref name="startDirectory"/>.</param>
    /// <param name="explicitApp">The command given by the user, if any.</param>
    /// <param name="startDirectory">Where cdk.json and infra/.env are looked for.</param>
    /// <exception cref="ConfigValidationException">An unknown environment or a bad override.</exception>
    public static SynthesisPlan? Prepare(string environment, string source, IEnumerable<string>? assignments, string? outputDirectory, string? explicitApp, string startDirectory)
    {
        var resolution = InfraWorkspace.Resolve(environment, source, assignments, startDirectory);
        var app = CdkAppCommand.Resolve(explicitApp, resolution.Sources.Variable(CdkAppCommand.AppVariable), resolution.CdkJson, startDirectory);
        return app is null
            ? null
            : new SynthesisPlan(resolution.Config, app, Path.GetFullPath(outputDirectory ?? "cdk.out", startDirectory), resolution.Sources);
    }

    /// <summary>Runs the plan's app and reads the assembly it wrote.</summary>
    /// <exception cref="ExternalServiceException">The app failed (its stderr tail is in the message) or wrote no readable assembly.</exception>
    public static async Task<SynthesisResult> RunAsync(SynthesisPlan plan, Action<string>? onOutput = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = await CdkApp.RunAsync(plan.App, plan.OutputDirectory, plan.Sources, onOutput, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new ExternalServiceException("cdk-app",
                $"the CDK app exited with code {run.ExitCode} after {run.Elapsed.TotalSeconds:F1} s:{Environment.NewLine}{InputSanitizer.Sanitize(run.StderrTail(), 4000)}");
        }

        return new SynthesisResult(plan.Config, plan.OutputDirectory, run.Elapsed, CloudAssembly.Read(plan.OutputDirectory));
    }
}
