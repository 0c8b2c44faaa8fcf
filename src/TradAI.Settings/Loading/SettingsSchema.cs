using System.Collections.Frozen;
using TradAI.Settings.Fields;

namespace TradAI.Settings.Loading;

/// <summary>
/// Everything the loader needs to build one settings type: its service key and environment prefix, the env files
/// it reads, its fields (in resolution order: a default may read fields listed before it), cross-field rules,
/// per-service default overrides, and a constructor delegate.
/// </summary>
public abstract class SettingsSchema
{
    private readonly Dictionary<SettingField, Func<SettingValues, object?>> _defaultOverrides;

    private protected SettingsSchema(
        string service,
        string envPrefix,
        string typeName,
        IReadOnlyList<string> envFiles,
        IReadOnlyList<SettingField> fields,
        IReadOnlyList<SettingsRule> rules,
        Dictionary<SettingField, Func<SettingValues, object?>> defaultOverrides)
    {
        Service = service;
        EnvPrefix = envPrefix;
        TypeName = typeName;
        EnvFiles = envFiles;
        Fields = fields;
        Rules = rules;
        _defaultOverrides = defaultOverrides;
        EnvironmentNames = fields.Select(f => f.EnvironmentNames(envPrefix)).ToArray();
        var treePrefix = envPrefix.ToLowerInvariant();
        TreeKeys = fields.Select(f => new[] { treePrefix + f.Name, f.Name }).ToArray();
        S3ConfigNames = [envPrefix + "S3_CONFIG", "S3_CONFIG"];

        // Every variable name the schema reads gets a slot; a load scans the environment once into the slots
        // instead of probing a case-insensitive copy of it for each name.
        NameOffsets = new int[fields.Count];
        var slotsByName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var slot = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            NameOffsets[i] = slot;
            foreach (var name in EnvironmentNames[i])
            {
                AddSlot(slotsByName, name, slot++);
            }
        }

        S3ConfigOffset = slot;
        foreach (var name in S3ConfigNames)
        {
            AddSlot(slotsByName, name, slot++);
        }

        SlotCount = slot;
        SlotsByName = slotsByName.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        DefaultSources = fields.Select(f => new SettingSource(SettingSourceKind.Default, null, null, f.DefaultNote)).ToArray();
        IndexOf = new Dictionary<SettingField, int>(fields.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < fields.Count; i++)
        {
            IndexOf[fields[i]] = i;
        }
    }

    /// <summary>The service key used by the CLI (<c>backend</c>).</summary>
    public string Service { get; }

    /// <summary>The environment variable prefix (<c>BACKEND_</c>).</summary>
    public string EnvPrefix { get; }

    /// <summary>The settings type's name, for messages.</summary>
    public string TypeName { get; }

    /// <summary>Env files read when the caller names none, highest priority first (service-local, then the root <c>.env</c>).</summary>
    public IReadOnlyList<string> EnvFiles { get; }

    public IReadOnlyList<SettingField> Fields { get; }

    public IReadOnlyList<SettingsRule> Rules { get; }

    /// <summary>
    /// Whether some field reads <paramref name="variable"/> (its prefixed name or an alias, case-insensitive): what a
    /// container is given must be read, or the value is silently ignored.
    /// </summary>
    public bool Reads(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return SlotsByName.TryGetValue(variable, out var slots) && slots.Any(s => s < S3ConfigOffset);
    }

    /// <summary>Per field (same index as <see cref="Fields"/>): the variables that set it, first present wins.</summary>
    internal string[][] EnvironmentNames { get; }

    /// <summary>Per field: index of its first variable's slot (see <see cref="SlotsByName"/>).</summary>
    internal int[] NameOffsets { get; }

    /// <summary>Index of the first S3_CONFIG variable's slot.</summary>
    internal int S3ConfigOffset { get; }

    /// <summary>Number of variable slots.</summary>
    internal int SlotCount { get; }

    /// <summary>Variable name (case-insensitive) to the slots it fills.</summary>
    internal FrozenDictionary<string, int[]> SlotsByName { get; }

    /// <summary>Per field: keys looked up in a config tree (<c>backend_port</c>, then <c>port</c>).</summary>
    internal string[][] TreeKeys { get; }

    /// <summary>Per field: the source recorded when its default is used.</summary>
    internal SettingSource[] DefaultSources { get; }

    /// <summary>Field descriptor to index in <see cref="Fields"/>.</summary>
    internal Dictionary<SettingField, int> IndexOf { get; }

    /// <summary>The variables that may name the S3_CONFIG document.</summary>
    internal string[] S3ConfigNames { get; }

    private static void AddSlot(Dictionary<string, List<int>> slotsByName, string name, int slot)
    {
        if (!slotsByName.TryGetValue(name, out var slots))
        {
            slotsByName[name] = slots = [];
        }

        slots.Add(slot);
    }

    internal object? DefaultFor(SettingField field, SettingValues resolved) =>
        _defaultOverrides.TryGetValue(field, out var factory) ? factory(resolved) : field.DefaultValue(resolved);

    internal abstract object Create(SettingValues values);
}

/// <summary>The schema of settings type <typeparamref name="T"/>; build one with <see cref="Builder"/>.</summary>
public sealed class SettingsSchema<T> : SettingsSchema
    where T : class
{
    private readonly Func<SettingValues, T> _create;

    private SettingsSchema(Builder b)
        : base(b.Service, b.EnvPrefix, typeof(T).Name, b.EnvFileList, b.FieldList, b.RuleList, b.Overrides)
    {
        _create = b.Constructor;
    }

    /// <summary>Starts a schema for a service with its key, environment prefix and constructor.</summary>
    public static Builder Create(string service, string envPrefix, Func<SettingValues, T> constructor) => new(service, envPrefix, constructor);

    internal override object Create(SettingValues values) => _create(values);

    internal T CreateTyped(SettingValues values) => _create(values);

    /// <summary>Collects fields, groups, rules and defaults; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        internal Builder(string service, string envPrefix, Func<SettingValues, T> constructor)
        {
            Service = service;
            EnvPrefix = envPrefix;
            Constructor = constructor;
            EnvFileList = [$"services/{service}/.env", ".env"];
        }

        internal string Service { get; }

        internal string EnvPrefix { get; }

        internal Func<SettingValues, T> Constructor { get; }

        internal List<SettingField> FieldList { get; } = [];

        internal List<SettingsRule> RuleList { get; } = [];

        internal Dictionary<SettingField, Func<SettingValues, object?>> Overrides { get; } = new(ReferenceEqualityComparer.Instance);

        internal IReadOnlyList<string> EnvFileList { get; private set; }

        public Builder Add(params SettingField[] fields)
        {
            foreach (var field in fields)
            {
                if (FieldList.Any(f => f.Name == field.Name))
                {
                    throw new InvalidOperationException($"Setting '{field.Name}' is declared twice in {typeof(T).Name}");
                }

                FieldList.Add(field);
            }

            return this;
        }

        public Builder Add(SettingsGroup group)
        {
            Add([.. group.Fields]);
            RuleList.AddRange(group.Rules);
            return this;
        }

        public Builder Rule(SettingsRule rule)
        {
            RuleList.Add(rule);
            return this;
        }

        /// <summary>This service's default for a shared field (its own port, its own service name).</summary>
        public Builder Default<TValue>(SettingField<TValue> field, TValue value)
        {
            Overrides[field] = _ => value;
            return this;
        }

        /// <summary>Env files, highest priority first, relative to the loader's base directory.</summary>
        public Builder EnvFiles(params string[] files)
        {
            EnvFileList = files;
            return this;
        }

        public SettingsSchema<T> Build()
        {
            foreach (var field in Overrides.Keys)
            {
                if (!FieldList.Contains(field))
                {
                    throw new InvalidOperationException($"Default given for '{field.Name}', which {typeof(T).Name} does not declare");
                }
            }

            return new SettingsSchema<T>(this);
        }
    }
}
