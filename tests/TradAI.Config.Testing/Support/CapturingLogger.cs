using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradAI.Config.Testing.Support;

/// <summary>An <see cref="ILogger"/> that keeps every formatted line (with its exception text) for assertions.</summary>
public sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();

    /// <summary>Everything logged, messages and exception dumps, as one string.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
}

/// <summary>A typed <see cref="ILogger{T}"/> over <see cref="CapturingLogger"/>.</summary>
public sealed class CapturingLogger<T>(CapturingLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
