using System.Globalization;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Versioning;

// Usage: VersionCrashWorker <database-file> <strategy> <seed>
// Writes forever (until killed); prints "op N" after each committed step so the test knows it is mid-stream.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: VersionCrashWorker <database-file> <strategy> <seed>");
    return 2;
}

var service = new ConfigVersionService(new SqliteConfigVersionRepository(args[0]));
var strategy = args[1];
var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
for (var i = 0; ; i++)
{
    // A small content space, so dedup, re-creation after deprecation and rollbacks all happen.
    var content = Strategy.With("n", (long)random.Next(24)).With("payload", new string('x', random.Next(2000)));
    try
    {
        var created = await service.CreateAsync(strategy, content, "crash-worker");
        switch (random.Next(5))
        {
            case 0:
            case 1:
                await service.ActivateAsync(strategy, created.Version.ConfigId);
                break;
            case 2:
                await service.DeprecateAsync(strategy, created.Version.ConfigId);
                break;
            case 3 when created.Version.VersionNumber > 1:
                var page = await service.ListAsync(strategy, limit: 5);
                await service.RollbackAsync(strategy, page.Items[random.Next(page.Items.Count)].ConfigId, "crash-worker");
                break;
        }
    }
    catch (ConflictException)
    {
        // Another worker changed the version first: a legal outcome, keep going.
    }

    Console.Out.WriteLine($"op {i}");
    Console.Out.Flush();
}

/// <summary>A valid strategy config: versions must pass the schema.</summary>
internal static partial class Program
{
    private static readonly ConfigMapping Strategy = YamlConfigReader.ParseMapping(
        "name: crash\nversion: 1.0.0\ntimeframe: 5m\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\n");
}
