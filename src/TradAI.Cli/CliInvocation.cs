using System.CommandLine;

namespace TradAI.Cli;

/// <summary>
/// One run's surroundings: System.CommandLine's output and error writers plus what a test substitutes for the
/// process's own (environment variables, standard input, whether stdout is a terminal). Nothing here is static, so
/// in-process runs do not interfere with each other.
/// </summary>
internal sealed class CliInvocation : InvocationConfiguration
{
    /// <summary>Variables to read instead of the process environment (null reads the process environment).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Standard input to read instead of the process's (null opens the process's).</summary>
    public Func<Stream>? StandardInput { get; init; }

    /// <summary>Whether <see cref="InvocationConfiguration.Output"/> is a terminal; null detects it.</summary>
    public bool? OutputIsTerminal { get; init; }
}
