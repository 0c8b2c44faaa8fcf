using System.Diagnostics;
using System.Globalization;
using TradAI.Config.Core.Tree;
using TradAI.Config.Local.Storage;

namespace TradAI.Config.Local.Tests.Storage;

/// <summary>
/// Torn writes on real sizes: one writer rewrites a document of a few hundred KB again and again while many readers read
/// it. Every read must be one complete version — it parses, and its self-consistency marks (generation at the top, the
/// same generation in every item and in the trailer, the item count of that generation) agree — never empty, never a
/// mix of two versions, never cut short.
/// </summary>
public sealed class LocalConfigRepositoryTornWriteTests : IDisposable
{
    private const string Name = "big";
    private const int Readers = 8;

    /// <summary>Rewrites per run: 12, or <c>TRADAI_TORN_WRITE_ROUNDS</c> for a longer soak.</summary>
    private static readonly int Rounds =
        int.TryParse(Environment.GetEnvironmentVariable("TRADAI_TORN_WRITE_ROUNDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds > 0 ? rounds : 12;

    private readonly string _root = Directory.CreateTempSubdirectory("tradai-torn-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Readers_of_a_document_being_rewritten_always_get_one_whole_version()
    {
        var store = new LocalConfigRepository(_root);
        await store.UploadAsync(Name, Document(0), Ct);
        var size = new FileInfo(Path.Combine(_root, Name + ".yaml")).Length;
        Assert.InRange(size, 200_000, 1_000_000); // "hundreds of KB"

        var writes = 0; // completed rewrites
        var writing = 0; // 1 while a rewrite is in flight
        var done = false;
        var overlapping = 0;
        var seen = new bool[Rounds + 1];
        var clock = Stopwatch.StartNew();

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!Volatile.Read(ref done) || reads == 0)
            {
                var before = (Volatile.Read(ref writes), Volatile.Read(ref writing));
                var read = await store.DownloadAsync(Name, Ct);
                var after = (Volatile.Read(ref writes), Volatile.Read(ref writing));
                seen[CheckWhole(read)] = true;
                if (before != after || before.Item2 == 1)
                {
                    Interlocked.Increment(ref overlapping); // a rewrite was in flight during this read
                }

                reads++;
            }

            return reads;
        }, Ct)).ToList();

        for (var generation = 1; generation <= Rounds; generation++)
        {
            var document = Document(generation);
            Volatile.Write(ref writing, 1);
            await store.UploadAsync(Name, document, Ct);
            Volatile.Write(ref writing, 0);
            Interlocked.Increment(ref writes);
        }

        Volatile.Write(ref done, true);
        var total = (await Task.WhenAll(readers)).Sum();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Rounds} rewrites of ~{size / 1024} KB, {total} reads by {Readers} readers ({overlapping} during a rewrite), {seen.Count(s => s)} generations seen, {clock.ElapsedMilliseconds} ms");
        Assert.True(overlapping >= Readers, $"only {overlapping} reads overlapped a rewrite: the test did not race");
        Assert.True(seen.Count(s => s) >= 3, "readers saw the document change while they read it");
        Assert.Equal(Rounds, CheckWhole(await store.DownloadAsync(Name, Ct)));
        Assert.Equal([Name + ".yaml"], Directory.GetFiles(_root).Select(Path.GetFileName));
    }

    /// <summary>
    /// Generation <paramref name="generation"/>: its number at the top and in the trailer, and an item count of its own
    /// (200–400 KB in three sizes), so a read cut short, padded with an older tail or empty cannot pass as whole.
    /// </summary>
    private static ConfigMapping Document(int generation) => ConfigMapping.Of(
        ("generation", (long)generation),
        ("count", (long)Count(generation)),
        ("items", ConfigSequence.From(Enumerable.Range(0, Count(generation)).Select(i => (object?)Item(generation, i)))),
        ("trailer", (long)generation));

    private static int Count(int generation) => 500 + (generation % 3 * 250);

    private static string Item(int generation, int i) => string.Create(CultureInfo.InvariantCulture, $"{generation}:{i}:{new string((char)('a' + (generation % 26)), 400)}");

    /// <summary>The generation of a whole document; fails the test on anything else.</summary>
    private static int CheckWhole(ConfigMapping read)
    {
        Assert.True(read.ContainsKey("generation") && read.ContainsKey("trailer"), $"a torn read: keys [{string.Join(", ", read.Keys)}]");
        var generation = checked((int)(long)read["generation"]!);
        Assert.Equal((long)generation, read["trailer"]);
        Assert.Equal((long)Count(generation), read["count"]);
        var items = (ConfigSequence)read["items"]!;
        Assert.Equal(Count(generation), items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (!Equals(items[i], Item(generation, i)))
            {
                Assert.Fail($"generation {generation}: item {i} is '{items[i]}'");
            }
        }

        return generation;
    }
}
