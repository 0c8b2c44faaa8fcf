using System.Collections;
using TradAI.Config.Core.DotEnv;
using TradAI.Config.Core.Errors;
using TradAI.Settings.Sources;

namespace TradAI.Settings.Loading;

/// <summary>The sources of one load, read once: code values, config tree, environment, env files and S3_CONFIG.</summary>
internal sealed class LoadInputs
{
    private readonly IReadOnlyDictionary<string, string>? _environment;
    private string? _baseDirectory;

    private LoadInputs(
        IReadOnlyDictionary<string, object?>? code,
        FlatConfig? tree,
        string?[] environmentSlots,
        IReadOnlyDictionary<string, string>? environment,
        List<(string Path, Dictionary<string, string> Values)> files,
        string? baseDirectory)
    {
        Code = code;
        Tree = tree;
        EnvironmentSlots = environmentSlots;
        _environment = environment;
        Files = files;
        _baseDirectory = baseDirectory;
    }

    public IReadOnlyDictionary<string, object?>? Code { get; }

    public FlatConfig? Tree { get; }

    /// <summary>The value of each variable the schema reads, by slot (<see cref="SettingsSchema.SlotsByName"/>); null when unset or blank.</summary>
    public string?[] EnvironmentSlots { get; }

    public List<(string Path, Dictionary<string, string> Values)> Files { get; }

    /// <summary>Where relative paths resolve; the current directory is read only when needed.</summary>
    public string BaseDirectory => _baseDirectory ??= Directory.GetCurrentDirectory();

    /// <summary>The S3_CONFIG location, when a variable or env file names one and loading it is enabled.</summary>
    public string? S3Location { get; private set; }

    /// <summary>Where S3_CONFIG itself was set.</summary>
    public SettingSource? S3Source { get; private set; }

    public FlatConfig? S3 { get; set; }

    /// <summary>The load's variables (injected or the process's, case-insensitive) for an s3:// S3_CONFIG's reader; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> RemoteEnvironment { get; private set; } = new Dictionary<string, string>();

    public static LoadInputs Prepare(SettingsSchema schema, SettingsLoadOptions options)
    {
        var slots = new string?[schema.SlotCount];
        if (options.Environment is { } injected)
        {
            foreach (var (key, value) in injected)
            {
                Fill(schema, slots, key, value);
            }
        }
        else
        {
            foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string key && entry.Value is string value)
                {
                    Fill(schema, slots, key, value);
                }
            }
        }

        var code = options.Values is null
            ? null
            : options.Values is Dictionary<string, object?> d && d.Comparer == StringComparer.OrdinalIgnoreCase
                ? d
                : new Dictionary<string, object?>(options.Values, StringComparer.OrdinalIgnoreCase);
        var tree = options.ConfigTree is null ? null : new FlatConfig(options.ConfigTree, "config tree");
        var files = ReadEnvFiles(options.EnvFiles ?? schema.EnvFiles, explicitFiles: options.EnvFiles is not null, options.BaseDirectory);
        var inputs = new LoadInputs(code, tree, slots, options.Environment, files, options.BaseDirectory);
        if (options.LoadS3Config)
        {
            inputs.FindS3Config(schema);
            if (inputs.S3Location?.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) == true)
            {
                inputs.RemoteEnvironment = CaseInsensitive(inputs._environment) ?? ProcessEnvironment();
            }
        }

        return inputs;
    }

    /// <summary>Case-insensitive names: the first non-blank value seen for a slot is kept.</summary>
    private static void Fill(SettingsSchema schema, string?[] slots, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && schema.SlotsByName.TryGetValue(key, out var indexes))
        {
            foreach (var i in indexes)
            {
                slots[i] ??= value;
            }
        }
    }

    private void FindS3Config(SettingsSchema schema)
    {
        var names = schema.S3ConfigNames;
        for (var r = 0; r < names.Length; r++)
        {
            if (EnvironmentSlots[schema.S3ConfigOffset + r] is { } v)
            {
                (S3Location, S3Source) = (v.Trim(), new SettingSource(SettingSourceKind.EnvironmentVariable, null, names[r]));
                return;
            }
        }

        foreach (var (path, values) in Files)
        {
            foreach (var name in names)
            {
                if (values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v))
                {
                    (S3Location, S3Source) = (v.Trim(), new SettingSource(SettingSourceKind.EnvFile, path, name));
                    return;
                }
            }
        }
    }

    private static Dictionary<string, string>? CaseInsensitive(IReadOnlyDictionary<string, string>? environment)
    {
        if (environment is null)
        {
            return null;
        }

        var copy = new Dictionary<string, string>(environment.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in environment)
        {
            copy.TryAdd(k, v);
        }

        return copy;
    }

    private static Dictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string k && entry.Value is string v)
            {
                result.TryAdd(k, v);
            }
        }

        return result;
    }

    private static List<(string, Dictionary<string, string>)> ReadEnvFiles(IReadOnlyList<string> files, bool explicitFiles, string? baseDirectory)
    {
        if (files.Count == 0)
        {
            return [];
        }

        baseDirectory ??= Directory.GetCurrentDirectory();
        var result = new List<(string, Dictionary<string, string>)>(files.Count);
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, baseDirectory);
            if (!File.Exists(path))
            {
                if (explicitFiles)
                {
                    throw new NotFoundException($"Env file '{InputSanitizer.Sanitize(path)}' does not exist");
                }

                continue;
            }

            try
            {
                result.Add((path, DotEnvParser.ReadFile(path, StringComparer.OrdinalIgnoreCase)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ExternalServiceException("filesystem", $"Could not read env file '{InputSanitizer.Sanitize(path)}': {ex.GetType().Name}", ex);
            }
        }

        return result;
    }
}
