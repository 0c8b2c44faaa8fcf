using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Local.Storage;

/// <summary>
/// An exclusive, per-config lock between writers in this and other processes: an OS file lock (<c>flock</c> on Unix,
/// a sharing lock on Windows) on <c>{root}/.tradai/locks/{hash of name}.lock</c>. The OS releases it when the holder
/// exits, so a crash never leaves a lock that blocks forever; the small lock files themselves stay.
/// </summary>
internal static class ConfigFileLock
{
    /// <summary>Waits for the lock of <paramref name="cleanName"/>, polling every 1–20 ms, for at most <paramref name="timeout"/>.</summary>
    /// <exception cref="ConflictException">Another writer held the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<IDisposable> AcquireAsync(string realRoot, string cleanName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(realRoot, ".tradai", "locks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cleanName)))[..32] + ".lock");
        var clock = Stopwatch.StartNew();
        var delay = 1;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException ex) when (ex is not (DirectoryNotFoundException or PathTooLongException))
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new ConflictException(
                        $"Config '{InputSanitizer.Sanitize(cleanName)}' is locked by another writer for more than {timeout.TotalSeconds:0.#} s; try again", ex);
                }
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = Math.Min(delay * 2, 20);
        }
    }
}
