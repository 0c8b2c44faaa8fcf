namespace TradAI.Cli.Commands;

/// <summary>Folders a command writes into (<c>infra synth --out</c>, <c>serve --keys-dir</c>), made before the work starts.</summary>
internal static class OutputFolders
{
    /// <summary>
    /// Makes <paramref name="path"/> and its parents (on Unix a new folder gets <paramref name="unixMode"/> when given).
    /// On failure, <paramref name="whyNot"/> says why in words: not the exception's message, which the Native AOT build
    /// carries as a resource key (<c>IO_PathNotFound_Path</c>) rather than a sentence.
    /// </summary>
    public static bool TryCreate(string path, UnixFileMode? unixMode, out string whyNot)
    {
        whyNot = string.Empty;
        try
        {
            _ = unixMode is { } mode && !OperatingSystem.IsWindows() ? Directory.CreateDirectory(path, mode) : Directory.CreateDirectory(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            whyNot = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                ArgumentException or NotSupportedException => "not a valid path",
                _ => "a part of the path is a file or cannot be created",
            };
            return false;
        }
    }
}
