namespace TradAI.Infra.Synthesis;

/// <summary>The shell command that runs the CDK app, and the folder it runs in.</summary>
public sealed record CdkAppCommand(string Command, string WorkingDirectory)
{
    /// <summary>Variable naming the command that runs the CDK app, when no cdk.json is found or another app is wanted.</summary>
    public const string AppVariable = "TRADAI_INFRA_CDK_APP";

    /// <summary>
    /// The app to run: an explicit <paramref name="explicitApp"/> (from the current directory), else the
    /// <see cref="AppVariable"/> value (from the current directory), else the <c>app</c> of <paramref name="cdkJson"/>
    /// (from the folder holding it, as the CDK CLI runs it); null when none names one.
    /// </summary>
    public static CdkAppCommand? Resolve(string? explicitApp, string? fromVariable, CdkJson? cdkJson, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitApp))
        {
            return new CdkAppCommand(explicitApp, currentDirectory);
        }

        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return new CdkAppCommand(fromVariable, currentDirectory);
        }

        return cdkJson?.App is { Length: > 0 } app ? new CdkAppCommand(app, cdkJson.Directory) : null;
    }
}
