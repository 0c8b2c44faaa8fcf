using System.Buffers;
using System.Text.Unicode;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Inputs;

/// <summary>
/// The one way text enters the system (files, devices, FIFOs, standard input, S3 bodies): at most a limit of bytes is
/// ever read, and the bytes must be strict UTF-8 (a leading BOM is accepted and dropped). PyYAML and OmegaConf refuse
/// malformed UTF-8, so a replacement character is never stored in place of what was sent.
/// </summary>
public static class Utf8Input
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Decodes strict UTF-8.</summary>
    /// <param name="bytes">The raw input.</param>
    /// <param name="sourceName">Where it came from, for messages.</param>
    /// <exception cref="ConfigValidationException">The bytes are not valid UTF-8; the message gives the byte offset and line.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string sourceName)
    {
        var start = bytes.StartsWith(Bom) ? Bom.Length : 0;
        var body = bytes[start..];
        if (body.IsEmpty)
        {
            return string.Empty;
        }

        var rented = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            var status = Utf8.ToUtf16(body, rented, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var offset = start + read;
                var line = bytes[..offset].Count((byte)'\n') + 1;
                throw new ConfigValidationException(
                    $"{InputSanitizer.Sanitize(sourceName)}: invalid UTF-8 at byte {offset} (line {line}); save the file as UTF-8");
            }

            return new string(rented, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a stream to its end, but never more than <paramref name="maxBytes"/> + 1 bytes, and decodes it.</summary>
    /// <exception cref="ConfigValidationException">The input is larger than <paramref name="maxBytes"/> or not valid UTF-8.</exception>
    public static async Task<string> ReadAsync(Stream stream, int maxBytes, string sourceName, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBytesAsync(stream, maxBytes, sourceName, sizeHint: 0, cancellationToken).ConfigureAwait(false);
        return Decode(bytes.Span, sourceName);
    }

    /// <summary>
    /// Reads a file, device or FIFO through <see cref="ReadAsync(Stream, int, string, CancellationToken)"/>'s bounds.
    /// I/O failures (missing file, access denied) surface as the usual <see cref="IOException"/> family for the caller to name.
    /// </summary>
    public static async Task<string> ReadFileAsync(string path, int maxBytes, string sourceName, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadFileBytesAsync(path, maxBytes, sourceName, cancellationToken).ConfigureAwait(false);
        return Decode(bytes.Span, sourceName);
    }

    /// <summary>The raw bytes of a file, device or FIFO, at most <paramref name="maxBytes"/> of them (not decoded).</summary>
    /// <exception cref="ConfigValidationException">The input is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadFileBytesAsync(string path, int maxBytes, string sourceName, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            // A regular file (its length is known) is read synchronously: a bounded page-cache copy, where an async read
            // would only hand each chunk to the thread pool (FileStream on Unix) and start its threads. A device or FIFO
            // (length 0) may block until a writer writes, so it is read asynchronously.
            return stream.CanSeek
                ? ReadRegularFile(stream, maxBytes, sourceName)
                : await ReadBytesAsync(stream, maxBytes, sourceName, sizeHint: 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The synchronous <see cref="ReadFileAsync"/>, for loaders that run before anything is async (settings, .env files).</summary>
    public static string ReadFile(string path, int maxBytes, string sourceName)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return Decode(stream.CanSeek ? ReadRegularFile(stream, maxBytes, sourceName).Span : ReadAll(stream, maxBytes, sourceName, sizeHint: 0).Span, sourceName);
    }

    // A regular file's length is known: a huge one is refused without reading it.
    private static ReadOnlyMemory<byte> ReadRegularFile(Stream stream, int maxBytes, string sourceName)
    {
        var known = stream.Length;
        return known > maxBytes ? throw TooLarge(sourceName, maxBytes) : ReadAll(stream, maxBytes, sourceName, (int)known);
    }

    private static ReadOnlyMemory<byte> ReadAll(Stream stream, int maxBytes, string sourceName, int sizeHint)
    {
        var buffer = NewBuffer(maxBytes, sizeHint);
        var total = 0;
        while (true)
        {
            buffer = Room(buffer, total, maxBytes, sourceName);
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return buffer.AsMemory(0, total);
            }

            total += read;
        }
    }

    /// <summary>The error for input beyond a byte limit.</summary>
    public static ConfigValidationException TooLarge(string sourceName, long maxBytes) =>
        new($"{InputSanitizer.Sanitize(sourceName)}: document is larger than the {maxBytes:N0}-byte limit");

    /// <summary>The raw bytes of a stream, at most <paramref name="maxBytes"/> of them (not decoded; one byte past the limit is read to tell).</summary>
    /// <exception cref="ConfigValidationException">The stream holds more than <paramref name="maxBytes"/>.</exception>
    public static Task<ReadOnlyMemory<byte>> ReadBytesAsync(Stream stream, int maxBytes, string sourceName, CancellationToken cancellationToken = default) =>
        ReadBytesAsync(stream, maxBytes, sourceName, 0, cancellationToken);

    private static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(Stream stream, int maxBytes, string sourceName, int sizeHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        var buffer = NewBuffer(maxBytes, sizeHint);
        var total = 0;
        while (true)
        {
            buffer = Room(buffer, total, maxBytes, sourceName);
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.AsMemory(0, total);
            }

            total += read;
        }
    }

    // Grow as data arrives: a 4 MiB limit does not cost 4 MiB for a 2 KB document. One byte over the limit is read to tell.
    private static byte[] NewBuffer(int maxBytes, int sizeHint) => new byte[Math.Min(maxBytes + 1L, Math.Max(sizeHint + 1L, 16 * 1024))];

    private static byte[] Room(byte[] buffer, int total, int maxBytes, string sourceName)
    {
        if (total < buffer.Length)
        {
            return buffer;
        }

        if (total > maxBytes)
        {
            throw TooLarge(sourceName, maxBytes);
        }

        Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
        return buffer;
    }
}
