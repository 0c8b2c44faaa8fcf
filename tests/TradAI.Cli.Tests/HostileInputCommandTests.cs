using System.Text;

namespace TradAI.Cli.Tests;

/// <summary>
/// What an attacker or a broken pipe feeds the CLI: each input is refused with exit 1 and a message naming the problem,
/// in bounded time and memory (measured with GNU time where the machine has it), and the store is left unchanged.
/// </summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private const long MaxPeakRssKiB = 100 * 1024; // a JIT-compiled run of the CLI peaks near 45 MiB; the bombs took gigabytes
    private readonly string _store = Directory.CreateTempSubdirectory("tradai-hostile-").FullName;

    public HostileInputCommandTests()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "configs")))
        {
            File.Copy(f, Path.Combine(_store, Path.GetFileName(f)));
        }
    }

    public void Dispose()
    {
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(_store)!, Path.GetFileName(_store) + "-*"))
        {
            File.Delete(f);
        }

        Directory.Delete(_store, recursive: true);
    }

    private string[] StoreFiles() => [.. Directory.GetFiles(_store, "*.yaml", SearchOption.AllDirectories).Select(f => f + ":" + File.ReadAllText(f)).Order()];

    // Input files live beside the store, not in it.
    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Path.GetDirectoryName(_store)!, $"{Path.GetFileName(_store)}-{name}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<CliProcess.Result> Refused(string[] args, byte[]? stdin = null, string expect = "", int exitCode = ExitCodes.ValidationFailed)
    {
        var before = StoreFiles();
        CliProcess.Result result;
        if (CliProcess.CanMeasure)
        {
            var measured = await CliProcess.RunMeasuredAsync([.. args, "--store", _store], stdin);
            Assert.True(measured.PeakRssKiB < MaxPeakRssKiB, $"peak RSS {measured.PeakRssKiB:N0} KiB");
            result = measured.Result;
        }
        else
        {
            result = await CliProcess.RunAsync([.. args, "--store", _store], stdin ?? []);
        }

        Assert.True(result.ExitCode == exitCode, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Contains(expect, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("unexpected", result.Stderr);
        Assert.Equal(before, StoreFiles());
        return result;
    }

    [Fact]
    public Task An_empty_pipe_does_not_replace_a_config() =>
        Refused(["config", "put", "momentum-btc", "--file", "-"], [], "empty document");

    [Fact]
    public Task A_comment_only_document_does_not_replace_a_config() =>
        Refused(["config", "put", "momentum-btc", "--file", "-"], "# nothing here\n"u8.ToArray(), "empty document");

    [Fact]
    public async Task An_explicit_empty_mapping_is_stored()
    {
        var r = await CliProcess.RunAsync(["config", "put", "blank", "--file", "-", "--store", _store], "{}\n"u8.ToArray());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{}\n", await File.ReadAllTextAsync(Path.Combine(_store, "blank.yaml"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public Task An_empty_pipe_creates_no_version() =>
        Refused(["version", "create", "momentum-btc", "--file", "-"], [], "empty document");

    [Fact]
    public Task Dev_zero_is_refused_at_the_size_limit() =>
        Refused(["config", "put", "zero", "--file", "/dev/zero"], null, "4,194,304-byte limit");

    [Fact]
    public Task Invalid_utf8_on_stdin_is_refused_with_its_byte_offset() =>
        Refused(["config", "put", "latin1", "--file", "-"], [.. "name: caf"u8, 0xE9, .. "\n"u8], "invalid UTF-8 at byte 9 (line 1)");

    [Fact]
    public Task Invalid_utf8_in_a_file_is_refused_by_merge() =>
        Refused(["config", "merge", WriteBytes("latin1.yaml", [.. "a: "u8, 0xFF])], null, "invalid UTF-8 at byte 3");

    [Fact]
    public Task Interpolation_doubling_is_refused_at_the_value_limit()
    {
        var yaml = new StringBuilder("a0: x\n");
        for (var i = 1; i < 20; i++)
        {
            yaml.Append('a').Append(i).Append(": \"").Append(string.Concat(Enumerable.Repeat($"${{a{i - 1}}}", 4))).Append("\"\n");
        }

        return Refused(["config", "merge", Write("bomb.yaml", yaml.ToString())], null, "1,048,576 characters");
    }

    [Fact]
    public Task An_override_path_of_60000_segments_is_refused_as_a_usage_error_not_a_crash() =>
        Refused(["strategy", "load", "momentum-btc", "--set", "+" + string.Join('.', Enumerable.Repeat("k", 60_000)) + "=1"], null, "segments", ExitCodes.Usage);

    [Fact]
    public Task An_override_nesting_past_the_limit_is_refused_so_nothing_unreadable_is_written() =>
        Refused(["config", "merge", Path.Combine(_store, "momentum-btc.yaml"), "--set", "++" + string.Join('.', Enumerable.Repeat("k", 128)) + "=[1]"], null, "deeper than 128");
}
