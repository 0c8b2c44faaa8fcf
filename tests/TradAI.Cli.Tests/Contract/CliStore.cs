namespace TradAI.Cli.Tests.Contract;

/// <summary>A private copy of the example config store, with helpers to run <c>tradai</c> on it in-process.</summary>
internal sealed class CliStore : IDisposable
{
    public CliStore()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "configs")))
        {
            File.Copy(f, Path.Combine(Folder, Path.GetFileName(f)));
        }

        Directory.CreateDirectory(Path.Combine(Folder, "secrets"));
        File.WriteAllText(Path.Combine(Folder, "secrets", "db.json"), """{"username":"svc","password":"pw-never-shown"}""");
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("tradai-cli-contract-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Runs with <c>--store</c> (and the local secrets folder for <c>secret</c>) pointing here.</summary>
    public Task<CliProcess.Result> RunAsync(params string[] args) => Support.InProcessTradai.RunAsync([.. args, .. StoreOptions(args)], environment: null);

    /// <summary>Runs with stdin and, optionally, stdout treated as a terminal.</summary>
    public Task<CliProcess.Result> RunAsync(string[] args, string? stdin, bool terminal = false) =>
        Support.InProcessTradai.RunAsync([.. args, .. StoreOptions(args)], environment: null, stdin, terminal);

    public string[] StoreOptions(string[] args) => args.FirstOrDefault() switch
    {
        "config" or "strategy" or "version" => ["--store", Folder],
        "secret" => ["--backend", "local", "--secrets-dir", Path.Combine(Folder, "secrets"), "--env-file", Path.Combine(Folder, "none.env")],
        _ => [],
    };

    /// <summary>Creates a draft version of <paramref name="yaml"/> for <paramref name="strategy"/> and returns its id.</summary>
    public async Task<string> CreateVersionAsync(string strategy, string yaml)
    {
        var r = await RunAsync(["version", "create", strategy, "--file", "-", "-o", "json"], yaml);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("version").GetProperty("config_id").GetString()!;
    }

    /// <summary>A valid strategy document (the stored momentum-btc) with one extra parameter.</summary>
    public async Task<string> StrategyYamlAsync(string note)
    {
        var r = await RunAsync(["config", "merge", Path.Combine(Folder, "momentum-btc.yaml"), "--set", $"++parameters.note={note}"], stdin: null);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Stdout;
    }
}
