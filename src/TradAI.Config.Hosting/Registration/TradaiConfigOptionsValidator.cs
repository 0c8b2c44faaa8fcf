using Microsoft.Extensions.Options;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// Checks the <c>TradAI</c> section when the host starts (<c>ValidateOnStart</c>): intervals, the backend being
/// registered, and whatever the selected backend itself requires — every problem at once, each naming its key.
/// </summary>
internal sealed class TradaiConfigOptionsValidator(IEnumerable<TradaiBackend> backends) : IValidateOptions<TradaiConfigOptions>
{
    private const string Section = TradaiConfigOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TradaiConfigOptions options)
    {
        var problems = new List<string>();
        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:RefreshInterval must be positive (it is {options.RefreshInterval})");
        }

        if (options.SecretsCacheTtl <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:SecretsCacheTtl must be positive (it is {options.SecretsCacheTtl})");
        }

        try
        {
            var backend = TradaiStores.Select(options.Backend, backends.ToArray());
            problems.AddRange(backend.Validate(options));
        }
        catch (ConfigValidationException ex)
        {
            problems.Add(ex.Message);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
