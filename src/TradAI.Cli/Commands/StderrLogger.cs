using Microsoft.Extensions.Logging;

namespace TradAI.Cli.Commands;

/// <summary>
/// Writes warnings and errors as one <c>warning: …</c> / <c>error: …</c> line to the invocation's stderr, so library
/// log output such as the MLflow fallback reason reaches the user without a logging framework. Lower levels are dropped.
/// </summary>
internal sealed class StderrLogger<T>(CliContext context) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            context.WriteErrorLine($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}");
        }
    }
}
