namespace TradAI.Config.Testing;

/// <summary>
/// Endpoints of the local emulators started by <c>scripts/emulators.sh start</c> (which <c>scripts/test.sh</c> runs):
/// from the environment first, then from <c>.run/emulators.env</c> at the repository root.
/// </summary>
public static class EmulatorEndpoints
{
    public static string DynamoDb => Get("TRADAI_TEST_DYNAMODB_ENDPOINT");

    public static string S3 => Get("TRADAI_TEST_S3_ENDPOINT");

    /// <summary>moto's server: S3 that honours conditional writes (If-Match / If-None-Match), and Secrets Manager.</summary>
    public static string Moto => Get("TRADAI_TEST_MOTO_ENDPOINT");

    /// <summary>The installed DynamoDB Local (folder with DynamoDBLocal.jar), for tests that need a database of their own.</summary>
    public static string DynamoDbLocalDirectory => Get("TRADAI_TEST_DYNAMODB_LOCAL_DIR");

    /// <summary>The repository root (the folder holding TradAI.Config.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string Get(string name)
    {
        if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        var file = Path.Combine(RepositoryRoot, ".run", "emulators.env");
        if (File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && line[..eq] == name)
                {
                    return line[(eq + 1)..].Trim();
                }
            }
        }

        throw new InvalidOperationException(
            $"{name} is not set and .run/emulators.env has no value: start the emulators with 'scripts/emulators.sh start' (scripts/test.sh does it).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradAI.Config.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
