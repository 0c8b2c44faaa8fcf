using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TradAI.Config.Hosting.Diagnostics;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>Records the hosting package's measurements of one host (its own meter factory), so parallel tests do not mix.</summary>
internal sealed class MetricsCapture : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricsCapture(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TradaiHostingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            Measurements.Enqueue((instrument.Name, value, copy));
        });
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> Measurements { get; } = new();

    /// <summary>The sum of an instrument's measurements whose tags include every given pair.</summary>
    public long Sum(string instrument, params (string Key, string Value)[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
