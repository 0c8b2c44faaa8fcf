namespace TradAI.Cli;

/// <summary>The command line itself is wrong (a missing or contradictory option): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
