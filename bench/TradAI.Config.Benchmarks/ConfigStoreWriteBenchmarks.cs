using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Tree;
using TradAI.Config.Local.Storage;

namespace TradAI.Config.Benchmarks;

/// <summary>
/// What safe concurrent writes cost. Folder store: the per-config OS file lock alone (target: well under 1 ms), a full
/// locked write against a plain temp + fsync + rename, and a read-modify-write (<see cref="ConfigRepositoryExtensions.MergeAndUploadAsync"/>).
/// </summary>
[MemoryDiagnoser]
public class FolderStoreWriteBenchmarks
{
    private readonly ConfigMapping _doc = YamlConfigReader.ParseMapping(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml")));
    private readonly ConfigMapping _update = YamlConfigReader.ParseMapping("parameters: {ema_fast: 9}");
    private string _root = "";
    private LocalConfigRepository _store = null!;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("tradai-bench-").FullName;
        _store = new LocalConfigRepository(_root);
        _store.UploadAsync("momentum-btc", _doc).GetAwaiter().GetResult();
        _bytes = System.Text.Encoding.UTF8.GetBytes(ConfigYamlWriter.ToYaml(_doc));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Description = "file lock: acquire + release")]
    public async Task Lock()
    {
        using var held = await ConfigFileLock.AcquireAsync(_root, "momentum-btc", TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "plain temp + fsync + rename (no lock)")]
    public void PlainAtomicWrite()
    {
        var temp = Path.Combine(_root, ".plain.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(_bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(_root, "plain.yaml"), overwrite: true);
    }

    [Benchmark(Description = "UploadAsync (lock + locate + write)")]
    public Task Upload() => _store.UploadAsync("momentum-btc", _doc);

    [Benchmark(Description = "MergeAndUploadAsync deep (read + lock + compare + write)")]
    public Task Merge() => _store.MergeAndUploadAsync("momentum-btc", _update, MergeMode.Deep);
}

/// <summary>
/// A deep merge on S3 against moto's server (start it with <c>scripts/emulators.sh start</c>; the endpoint comes from
/// <c>TRADAI_TEST_MOTO_ENDPOINT</c>): the time of one uncontended read-modify-write, and its requests on the wire,
/// printed at the end — one GET and one conditional PUT, the precondition costs no extra request.
/// </summary>
public class S3MergeBenchmarks
{
    private readonly HttpRequestLog _log = new();
    private readonly ConfigMapping _update = YamlConfigReader.ParseMapping("parameters: {ema_fast: 9}");
    private IAmazonS3 _client = null!;
    private S3ConfigRepository _store = null!;
    private int _merges;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = Environment.GetEnvironmentVariable("TRADAI_TEST_MOTO_ENDPOINT")
            ?? throw new InvalidOperationException("TRADAI_TEST_MOTO_ENDPOINT is not set: run scripts/emulators.sh start and source .run/emulators.env");
        _client = new AmazonS3Client(new BasicAWSCredentials("bench", "bench"), new AmazonS3Config
        {
            ServiceURL = endpoint,
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            HttpClientFactory = _log,
        });
        var bucket = $"bench-{Guid.NewGuid():N}"[..30];
        _client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }).GetAwaiter().GetResult();
        _store = new S3ConfigRepository(_client, new S3ConfigRepositoryOptions { Bucket = bucket });
        _store.UploadAsync("momentum-btc", YamlConfigReader.ParseMapping(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml")))).GetAwaiter().GetResult();
        _log.Clear();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var requests = _log.Requests;
        Console.WriteLine($"// S3 requests per merge: {(double)requests.Count / Math.Max(1, _merges):0.00} over {_merges} merges "
            + $"({string.Join(", ", requests.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
        _client.Dispose();
    }

    [Benchmark(Description = "S3 MergeAndUploadAsync deep on moto")]
    public async Task Merge()
    {
        await _store.MergeAndUploadAsync("momentum-btc", _update, MergeMode.Deep);
        _merges++;
    }
}
