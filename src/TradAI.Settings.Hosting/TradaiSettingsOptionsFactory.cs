using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TradAI.Settings.Loading;

namespace TradAI.Settings.Hosting;

/// <summary>
/// Builds <typeparamref name="T"/> for <c>IOptions&lt;T&gt;</c> through <see cref="SettingsLoader"/> (explicit field
/// descriptors, no <c>ConfigurationBinder</c>), turning validation problems into an <see cref="OptionsValidationException"/>
/// so <c>ValidateOnStart</c> fails the host at start. Any <see cref="IValidateOptions{TOptions}"/> registered runs too.
/// </summary>
internal sealed class TradaiSettingsOptionsFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
    TradaiSettingsOptions options,
    IConfiguration? configuration,
    IEnumerable<IValidateOptions<T>> validators) : IOptionsFactory<T>
    where T : class, ISettings<T>
{
    public T Create(string name)
    {
        var load = options.LoadOptions;
        if (load.Environment is null && options.UseConfiguration && configuration is not null)
        {
            load = load with { Environment = Flatten(configuration) };
        }

        var resolution = SettingsLoader.Resolve<T>(load);
        if (!resolution.IsValid)
        {
            throw new OptionsValidationException(name, typeof(T), resolution.Problems.Select(p => p.ToString()));
        }

        var settings = resolution.Settings!;
        var failures = new List<string>();
        foreach (var validator in validators)
        {
            var result = validator.Validate(name, settings);
            if (result.Failed)
            {
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        return failures.Count > 0 ? throw new OptionsValidationException(name, typeof(T), failures) : settings;
    }

    /// <summary>Configuration keys as variable names: <c>Backend:Port</c> becomes <c>Backend_Port</c> (matched case-insensitively).</summary>
    internal static Dictionary<string, string> Flatten(IConfiguration configuration)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null)
            {
                result.TryAdd(key.Replace(':', '_'), value);
            }
        }

        return result;
    }
}
