using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using A = TradAI.Config.Aws.Versioning.DynamoDbVersionTable.Attributes;

namespace TradAI.Config.Aws.Versioning;

/// <summary>
/// Maps <see cref="ConfigVersion"/> to DynamoDB items and back. <c>config_data</c> is a native map, numbers are written
/// in their RFC 8785 form, and maps are read back in canonical key order, so both stores return identical content.
/// DynamoDB cannot tell 2.0 from 2, so the pointers of whole-valued floats travel beside the map
/// (<c>config_float_paths</c>) and every value reads back with the type it was written with.
/// </summary>
internal static class DynamoDbVersionItems
{
    // DynamoDB's number range (38 significant digits, magnitudes 1E-130 .. 9.99E+125).
    private const double MaxMagnitude = 9.9999999999999999e125;
    private const double MinMagnitude = 1e-130;

    public static Dictionary<string, AttributeValue> Key(string strategyName, string configId) => new()
    {
        [A.StrategyName] = new AttributeValue { S = strategyName },
        [A.ConfigId] = new AttributeValue { S = configId },
    };

    public static Dictionary<string, AttributeValue> ToItem(ConfigVersion v)
    {
        var item = Key(v.StrategyName, v.ConfigId);
        item[A.ConfigHash] = new AttributeValue { S = v.ConfigHash };
        var floats = new List<string>();
        item[A.ConfigData] = ToAttribute(v.ConfigData, string.Empty, string.Empty, floats);
        if (floats.Count > 0)
        {
            item[A.ConfigFloatPaths] = new AttributeValue { L = [.. floats.Select(f => new AttributeValue { S = f })], IsLSet = true };
        }
        item[A.Status] = new AttributeValue { S = v.Status.ToWire() };
        item[A.VersionNumber] = Number(v.VersionNumber);
        item[A.CreatedBy] = new AttributeValue { S = v.CreatedBy };
        item[A.CreatedAt] = new AttributeValue { S = FormatTime(v.CreatedAt) };
        if (v.DeployedAt is { } deployed)
        {
            item[A.DeployedAt] = new AttributeValue { S = FormatTime(deployed) };
        }

        if (v.DeployedBy is { } deployedBy)
        {
            item[A.DeployedBy] = new AttributeValue { S = deployedBy };
        }

        if (v.DeprecatedAt is { } deprecated)
        {
            item[A.DeprecatedAt] = new AttributeValue { S = FormatTime(deprecated) };
        }

        if (v.SupersededBy is { } superseded)
        {
            item[A.SupersededBy] = new AttributeValue { S = superseded };
        }

        if (v.Ttl is { } ttl)
        {
            item[A.Ttl] = Number(ttl);
        }

        return item;
    }

    public static ConfigVersion FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new()
    {
        StrategyName = Required(item, A.StrategyName).S,
        ConfigId = Required(item, A.ConfigId).S,
        ConfigHash = Required(item, A.ConfigHash).S,
        ConfigData = FromAttribute(Required(item, A.ConfigData), string.Empty, FloatPaths(item)) as ConfigMapping
            ?? throw new ExternalServiceException("dynamodb", "stored config_data is not a map"),
        Status = ConfigVersionStatusNames.Parse(Required(item, A.Status).S),
        VersionNumber = int.Parse(Required(item, A.VersionNumber).N, NumberStyles.Integer, CultureInfo.InvariantCulture),
        CreatedBy = Required(item, A.CreatedBy).S,
        CreatedAt = ParseTime(Required(item, A.CreatedAt).S),
        DeployedAt = item.TryGetValue(A.DeployedAt, out var d) ? ParseTime(d.S) : null,
        DeployedBy = item.TryGetValue(A.DeployedBy, out var by) ? by.S : null,
        DeprecatedAt = item.TryGetValue(A.DeprecatedAt, out var dep) ? ParseTime(dep.S) : null,
        SupersededBy = item.TryGetValue(A.SupersededBy, out var s) ? s.S : null,
        Ttl = item.TryGetValue(A.Ttl, out var t) ? long.Parse(t.N, NumberStyles.Integer, CultureInfo.InvariantCulture) : null,
    };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Converts a config value; <paramref name="pointer"/> and <paramref name="floats"/> collect where whole-valued floats are.</summary>
    public static AttributeValue ToAttribute(object? value, string path, string pointer = "", List<string>? floats = null)
    {
        switch (value)
        {
            case null:
                return new AttributeValue { NULL = true };
            case bool b:
                return new AttributeValue { BOOL = b };
            case long l:
                return new AttributeValue { N = l.ToString(CultureInfo.InvariantCulture) };
            case double d:
                if (d == Math.Floor(d) && double.IsFinite(d))
                {
                    floats?.Add(pointer);
                }

                return new AttributeValue { N = FormatDouble(d, path) };
            case string s:
                return new AttributeValue { S = s };
            case MissingValue:
                return new AttributeValue { S = MissingValue.Literal };
            case ConfigMapping m:
                var map = new Dictionary<string, AttributeValue>(m.Count, StringComparer.Ordinal);
                foreach (var (k, v) in m.Entries)
                {
                    var name = ConfigPath.FormatKey(k);
                    map[name] = ToAttribute(v, ConfigPath.Child(path, k), floats is null ? pointer : pointer + "/" + EscapePointer(name), floats);
                }

                return new AttributeValue { M = map, IsMSet = true };
            case ConfigSequence seq:
                var list = new List<AttributeValue>(seq.Count);
                for (var i = 0; i < seq.Count; i++)
                {
                    list.Add(ToAttribute(seq[i], ConfigPath.Index(path, i), floats is null ? pointer : pointer + "/" + i.ToString(CultureInfo.InvariantCulture), floats));
                }

                return new AttributeValue { L = list, IsLSet = true };
            default:
                throw new ConfigValidationException(path, $"{value.GetType().Name} is not a config value");
        }
    }

    /// <summary>Converts back; numbers at <paramref name="floats"/> (pointers) are floats whatever DynamoDB spells them as.</summary>
    public static object? FromAttribute(AttributeValue value, string pointer = "", HashSet<string>? floats = null)
    {
        if (value.NULL == true)
        {
            return null;
        }

        if (value.S is not null)
        {
            return value.S == MissingValue.Literal ? MissingValue.Instance : value.S;
        }

        if (value.N is not null)
        {
            return floats?.Contains(pointer) == true ? double.Parse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture) : ParseNumber(value.N);
        }

        if (value.BOOL is { } b)
        {
            return b;
        }

        if (value.M is not null)
        {
            var builder = new ConfigMappingBuilder(value.M.Count);
            foreach (var (k, v) in value.M.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                builder.Add(k, FromAttribute(v, floats is null ? pointer : pointer + "/" + EscapePointer(k), floats));
            }

            return builder.Build();
        }

        if (value.L is not null)
        {
            var items = new object?[value.L.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = FromAttribute(value.L[i], floats is null ? pointer : pointer + "/" + i.ToString(CultureInfo.InvariantCulture), floats);
            }

            return ConfigSequence.From(items);
        }

        throw new ExternalServiceException("dynamodb", "stored config_data holds an attribute type a config cannot have");
    }

    private static HashSet<string>? FloatPaths(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue(A.ConfigFloatPaths, out var paths) && paths.L is { Count: > 0 } list
            ? new HashSet<string>(list.Select(p => p.S), StringComparer.Ordinal)
            : null;

    // RFC 6901: '~' is '~0' and '/' is '~1' inside a reference token.
    private static string EscapePointer(string token) =>
        token.Contains('~', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal) ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) : token;

    // Same rule as CanonicalJsonReader: integral values within ±(2^53−1) are integers, others doubles.
    private static object ParseNumber(string n)
    {
        if (n.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            && Math.Abs(l) <= JsonCanonicalizer.MaxSafeInteger)
        {
            return l;
        }

        return double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string FormatDouble(double d, string path)
    {
        var text = JsonCanonicalizer.FormatNumber(d, path);
        var magnitude = Math.Abs(d);
        if (magnitude > MaxMagnitude || (magnitude != 0 && magnitude < MinMagnitude))
        {
            throw new ConfigValidationException(path, $"{text} is outside the number range DynamoDB stores (1E-130 to 9.99E+125)");
        }

        return text;
    }

    private static AttributeValue Required(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value)
            ? value
            : throw new ExternalServiceException("dynamodb", $"stored config version lacks the '{name}' attribute");

    public static string FormatTime(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
