using System.Globalization;
using Microsoft.Data.Sqlite;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Local.Tests.Versioning;
using TradAI.Config.Local.Versioning;

// Usage: VersionCrashWorker <database-file> <strategy> <seed> <mode>
//   stream                        random steps until killed
//   after-commit <n>              random steps until <n> calls committed, then "paused": wait to be killed
//   in-transaction <n> <step>     the same, then the scripted <step> (create|activate|deprecate|rollback), which stops
//                                 inside its transaction after writing, prints "written" with what the transaction
//                                 sees, and waits there to be killed
// Each call is reported on stdout, flushed, after it returns ("committed {json}", or "refused" for a conflict), so
// every "committed" line is a step the store acknowledged. The worker exits when its stdin closes: a test that dies
// leaves no worker behind.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: VersionCrashWorker <database-file> <strategy> <seed> stream | after-commit <n> | in-transaction <n> <step>");
    return 2;
}

var strategy = args[1];
var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
var mode = args[3];
var committedTarget = mode == "stream" ? int.MaxValue : int.Parse(args[4], CultureInfo.InvariantCulture);
string? armed = null; // the step whose transaction must stop before COMMIT
var repository = new SqliteConfigVersionRepository(args[0])
{
    BeforeCommit = async (connection, ct) =>
    {
        if (armed is null)
        {
            return;
        }

        Report(new CrashWorkerLine(CrashWorkerLine.Written, armed, [])
        {
            Statuses = await StatusesAsync(connection, strategy, ct),
            NextVersionNumber = (long?)await ScalarAsync(connection, "SELECT next_version_number FROM config_version_counters WHERE strategy_name = $s", strategy, ct),
        });
        await Task.Delay(Timeout.Infinite, ct);
    },
};
var service = new ConfigVersionService(repository);
_ = Task.Run(() =>
{
    while (Console.In.Read() >= 0)
    {
    }

    Environment.Exit(3);
});

var committed = 0;
while (committed < committedTarget)
{
    // A small content space, so dedup, re-creation after deprecation and rollbacks all happen.
    var created = await CallAsync("create", async () => await service.CreateAsync(strategy, Content(random.Next(24)), "crash-worker"));
    if (created is null)
    {
        continue;
    }

    var id = created.Version.ConfigId;
    switch (random.Next(5))
    {
        case 0:
        case 1:
            await CallAsync("activate", async () => await service.ActivateAsync(strategy, id));
            break;
        case 2:
            await CallAsync("deprecate", async () => new ConfigVersionWrite(await service.DeprecateAsync(strategy, id), Created: false));
            break;
        case 3 when created.Version.VersionNumber > 1:
            var page = await service.ListAsync(strategy, limit: 5);
            var to = page.Items[random.Next(page.Items.Count)].ConfigId;
            await CallAsync("rollback", async () => await service.RollbackAsync(strategy, to, "crash-worker"));
            break;
    }
}

if (mode == "after-commit")
{
    Report(new CrashWorkerLine(CrashWorkerLine.Paused, "none", []));
    await Task.Delay(Timeout.Infinite);
}

// in-transaction: set the scene with committed calls, then the step that stops between its writes and COMMIT.
var step = args[5];
var older = step == "create" ? null : await ActivateAsync(await CreateFreshAsync()); // deprecate and rollback need an active version
var newer = step is "activate" or "rollback" ? await CreateFreshAsync() : null;
if (step == "rollback")
{
    await ActivateAsync(newer!); // the rollback target is now deprecated: its content comes back as a new version
}

armed = step;
_ = step switch
{
    "create" => await service.CreateAsync(strategy, Fresh(), "crash-worker"), // insert and counter
    "deprecate" => new ConfigVersionWrite(await service.DeprecateAsync(strategy, older!.ConfigId), Created: false), // one update
    "activate" => await service.ActivateAsync(strategy, newer!.ConfigId), // deprecates the active one: two updates
    "rollback" => await service.RollbackAsync(strategy, older!.ConfigId, "crash-worker"), // insert, counter, two updates
    _ => throw new ArgumentException($"unknown step '{step}'"),
};
Console.Error.WriteLine("the armed step committed instead of stopping before COMMIT");
return 4;

async Task<ConfigVersion> CreateFreshAsync() =>
    (await CallAsync("create", () => service.CreateAsync(strategy, Fresh(), "crash-worker")))!.Version;

async Task<ConfigVersion> ActivateAsync(ConfigVersion draft) =>
    (await CallAsync("activate", () => service.ActivateAsync(strategy, draft.ConfigId)))!.Version;

// Runs a call and reports it after it returned; null when the store refused it.
async Task<ConfigVersionWrite?> CallAsync(string op, Func<Task<ConfigVersionWrite>> call)
{
    ConfigVersionWrite write;
    try
    {
        write = await call();
    }
    catch (ConflictException)
    {
        Report(new CrashWorkerLine(CrashWorkerLine.Refused, op, []));
        return null;
    }

    Report(new CrashWorkerLine(CrashWorkerLine.Committed, op, [.. new[] { write.Version, write.Deprecated }.OfType<ConfigVersion>().Select(VersionState.Of)]));
    committed++;
    return write;
}

static void Report(CrashWorkerLine line)
{
    Console.Out.WriteLine(line.Format());
    Console.Out.Flush();
}

static ConfigMapping Content(int n) => Strategy.With("n", (long)n).With("payload", new string('x', 40 * n));

static ConfigMapping Fresh() => Strategy.With("payload", "scripted-" + Guid.NewGuid().ToString("N"));

static async Task<Dictionary<string, ConfigVersionStatus>> StatusesAsync(SqliteConnection connection, string strategy, CancellationToken ct)
{
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT config_id, status FROM config_versions WHERE strategy_name = $s";
    command.Parameters.AddWithValue("$s", strategy);
    await using var reader = await command.ExecuteReaderAsync(ct);
    var statuses = new Dictionary<string, ConfigVersionStatus>(StringComparer.Ordinal);
    while (await reader.ReadAsync(ct))
    {
        statuses[reader.GetString(0)] = ConfigVersionStatusNames.Parse(reader.GetString(1));
    }

    return statuses;
}

static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, string strategy, CancellationToken ct)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Parameters.AddWithValue("$s", strategy);
    return await command.ExecuteScalarAsync(ct);
}

/// <summary>A valid strategy config: versions must pass the schema.</summary>
internal static partial class Program
{
    private static readonly ConfigMapping Strategy = YamlConfigReader.ParseMapping(
        "name: crash\nversion: 1.0.0\ntimeframe: 5m\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\n");
}
