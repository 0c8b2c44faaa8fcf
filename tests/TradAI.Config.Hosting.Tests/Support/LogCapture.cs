using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>A logger provider that keeps every entry with its event id, for assertions on what a host logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <summary>Everything logged (messages and exceptions) as one string.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.Message + (e.Exception is null ? string.Empty : "\n" + e.Exception)));

    public IEnumerable<LogEntry> WithId(int eventId) => Entries.Where(e => e.EventId.Id == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
