using System.Globalization;
using TradAI.Settings.Loading;

namespace TradAI.Settings.Fields;

/// <summary>
/// Describes one setting: its snake_case name, the environment variables that may set it, how its text is parsed
/// and checked, and its default. Descriptors are plain data with delegates (no reflection), so a settings type's
/// binding stays Native-AOT friendly and can be shared by any number of settings types (mixins).
/// </summary>
public abstract class SettingField
{
    private protected SettingField(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            throw new ArgumentException($"Setting names are snake_case ASCII ('{name}')", nameof(name));
        }

        Name = name;
    }

    /// <summary>The snake_case name (<c>aws_region</c>); the environment variable is the service prefix plus its upper case.</summary>
    public string Name { get; }

    /// <summary>Further environment variable names tried, in order, after the prefixed one (<c>AWS_REGION</c>).</summary>
    public IReadOnlyList<string> Aliases { get; private protected init; } = [];

    /// <summary>A secret: its value is masked wherever settings are shown.</summary>
    public bool IsSecret { get; private protected init; }

    /// <summary>A value must come from some source (the default is not enough).</summary>
    public bool IsRequired { get; private protected init; }

    /// <summary>One line for <c>settings show</c> and error messages.</summary>
    public string? Description { get; private protected init; }

    /// <summary>The environment variable names that set this field for a service prefix, first present wins.</summary>
    public string[] EnvironmentNames(string prefix)
    {
        var names = new string[Aliases.Count + 1];
        names[0] = prefix + Name.ToUpperInvariant();
        for (var i = 0; i < Aliases.Count; i++)
        {
            names[i + 1] = Aliases[i];
        }

        return names;
    }

    /// <summary>Turns a raw value (text from the environment, a list from YAML, or a typed value from code) into the field's type.</summary>
    internal abstract Parsed<object?> Convert(object raw);

    /// <summary>Runs the field's own checks; the first failure's reason, or null.</summary>
    internal abstract string? Check(object? value);

    /// <summary>The default (which may depend on fields resolved before this one).</summary>
    internal abstract object? DefaultValue(SettingValues resolved);

    /// <summary>How the default is described as a source (<c>default</c>, <c>generated</c>).</summary>
    internal abstract string DefaultNote { get; }

    /// <summary>The value as shown to a person (never used for secrets).</summary>
    internal abstract string Format(object? value);
}

/// <summary>A setting of type <typeparamref name="T"/>. Immutable: the fluent methods return modified copies.</summary>
public sealed class SettingField<T> : SettingField
{
    private readonly Func<string, Parsed<T>> _parseText;
    private Func<IReadOnlyList<string>, Parsed<T>>? _parseItems;
    private Func<SettingValues, T> _default;
    private string _defaultNote = "default";
    private Func<T, string?>[] _checks = [];
    private readonly Func<T, string> _format;

    internal SettingField(string name, Func<string, Parsed<T>> parseText, Func<SettingValues, T> defaultValue, Func<T, string>? format = null)
        : base(name)
    {
        _parseText = parseText;
        _default = defaultValue;
        _format = format ?? (v => v switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? string.Empty,
        });
    }

    private SettingField(SettingField<T> other)
        : base(other.Name)
    {
        _parseText = other._parseText;
        _parseItems = other._parseItems;
        _default = other._default;
        _defaultNote = other._defaultNote;
        _checks = other._checks;
        _format = other._format;
        Aliases = other.Aliases;
        IsSecret = other.IsSecret;
        IsRequired = other.IsRequired;
        Description = other.Description;
    }

    /// <summary>Adds environment variable names tried after the prefixed one, in the order given.</summary>
    public SettingField<T> WithAliases(params string[] aliases) => new(this) { Aliases = [.. Aliases, .. aliases] };

    /// <summary>Adds a check: a function returning why the value is wrong, or null when it is fine.</summary>
    public SettingField<T> WithCheck(Func<T, string?> check) => new(this) { _checks = [.. _checks, check] };

    /// <summary>Replaces the default.</summary>
    public SettingField<T> WithDefault(T value) => new(this) { _default = _ => value, _defaultNote = "default" };

    /// <summary>A default computed from fields resolved earlier (e.g. the environment).</summary>
    public SettingField<T> WithDefault(Func<SettingValues, T> factory, string note = "default") => new(this) { _default = factory, _defaultNote = note };

    /// <summary>Marks the field secret: masked in <c>settings show</c>, messages and logs.</summary>
    public SettingField<T> AsSecret() => new(this) { IsSecret = true };

    /// <summary>Marks the field required: leaving it unset is a validation problem.</summary>
    public SettingField<T> AsRequired() => new(this) { IsRequired = true };

    public SettingField<T> WithDescription(string description) => new(this) { Description = description };

    internal SettingField<T> WithItemsParser(Func<IReadOnlyList<string>, Parsed<T>> parseItems) => new(this) { _parseItems = parseItems };

    internal override string DefaultNote => _defaultNote;

    internal override Parsed<object?> Convert(object raw)
    {
        Parsed<T> parsed;
        switch (raw)
        {
            case string text:
                // Text always goes through the parser, even for text fields, so normalisation (log level upper-casing) applies.
                parsed = _parseText(text);
                break;
            case T typed:
                parsed = Parsed<T>.Success(typed);
                break;
            case IReadOnlyList<string> items when _parseItems is not null:
                parsed = _parseItems(items);
                break;
            case IReadOnlyList<string>:
                return Parsed<object?>.Failure("expected a single value, not a list");
            case bool b:
                parsed = _parseText(b ? "true" : "false");
                break;
            case int or long or double:
                parsed = _parseText(System.Convert.ToString(raw, CultureInfo.InvariantCulture)!);
                break;
            default:
                return Parsed<object?>.Failure($"expected a value of type {typeof(T).Name}, not {raw.GetType().Name}");
        }

        return parsed.Ok ? Parsed<object?>.Success(parsed.Value) : Parsed<object?>.Failure(parsed.Error!);
    }

    internal override string? Check(object? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var check in _checks)
        {
            if (check((T)value) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    internal override object? DefaultValue(SettingValues resolved) => _default(resolved);

    internal override string Format(object? value) => value is null ? string.Empty : _format((T)value);
}
