using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TradAI.Config.Core.Errors;
using TradAI.Infra.Context;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Synthesis;

/// <summary>
/// Runs a CDK app the way the CDK CLI does (the cloud-assembly protocol): as a child process given the context as
/// JSON in <c>CDK_CONTEXT_JSON</c> and the output folder in <c>CDK_OUTDIR</c>, plus the variables the resolution
/// read (so <c>infra/.env</c> reaches the app). The caller never loads Amazon.CDK.Lib itself.
/// </summary>
public static class CdkApp
{
    /// <summary>Variable the app reads its context from.</summary>
    public const string ContextVariable = "CDK_CONTEXT_JSON";

    /// <summary>Variable the app reads its output folder from.</summary>
    public const string OutputVariable = "CDK_OUTDIR";

    /// <summary>Runs <paramref name="app"/> and waits for it; cancelling kills the process tree.</summary>
    /// <param name="app">What to run, and where.</param>
    /// <param name="outputDirectory">The cloud assembly folder (absolute).</param>
    /// <param name="sources">The resolution's context and variables, passed on to the app.</param>
    /// <param name="onOutput">Called with each non-blank stdout line (progress), from a pool thread.</param>
    /// <param name="cancellationToken">Stops the app.</param>
    /// <exception cref="ExternalServiceException">The app could not be started.</exception>
    public static async Task<CdkAppRun> RunAsync(CdkAppCommand app, string outputDirectory, InfraSources sources, Action<string>? onOutput = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(sources);
        var psi = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", app.Command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", app.Command } };
        psi.WorkingDirectory = app.WorkingDirectory;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        foreach (var (key, value) in Environment(sources, outputDirectory))
        {
            psi.Environment[key] = value;
        }

        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        Process? process;
        try
        {
            process = Process.Start(psi);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            throw new ExternalServiceException("cdk-app", $"could not start '{InputSanitizer.Sanitize(app.Command)}': {ex.GetType().Name}", ex);
        }

        using (process ?? throw new ExternalServiceException("cdk-app", $"could not start '{InputSanitizer.Sanitize(app.Command)}'"))
        {
            process.OutputDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data))
                {
                    onOutput?.Invoke(e.Data);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (stderr)
                    {
                        stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            // The parameterless wait also drains the redirected streams.
            process.WaitForExit();
            watch.Stop();
            lock (stderr)
            {
                return new CdkAppRun(process.ExitCode, stderr.ToString(), watch.Elapsed);
            }
        }
    }

    /// <summary>The variables the app is started with: the resolution's, then the protocol's (which win).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment(InfraSources sources, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var variables = new Dictionary<string, string>(sources.EnvironmentVariables, StringComparer.Ordinal)
        {
            [ContextVariable] = ContextJson(sources.Context),
            [OutputVariable] = outputDirectory,
            ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
        };
        return [.. variables];
    }

    /// <summary>The context as the JSON object the CDK app reads: strings, booleans and lists of strings as typed.</summary>
    public static string ContextJson(InfraContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, value) in context.Values)
            {
                switch (value)
                {
                    case bool b:
                        w.WriteBoolean(key, b);
                        break;
                    case string s:
                        w.WriteString(key, s);
                        break;
                    case System.Collections.IEnumerable list:
                        w.WriteStartArray(key);
                        foreach (var item in list)
                        {
                            w.WriteStringValue(item?.ToString());
                        }

                        w.WriteEndArray();
                        break;
                    default:
                        w.WriteString(key, value?.ToString());
                        break;
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
