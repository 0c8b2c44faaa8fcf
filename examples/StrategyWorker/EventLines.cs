using System.Text;
using System.Text.Json;
using TradAI.Config.Hosting.Strategies;

namespace StrategyWorker;

/// <summary>Writes one JSON object per line: <c>config_applied</c> and <c>refresh_failed</c> events.</summary>
internal sealed class EventLines(TextWriter output)
{
    private readonly Lock _gate = new();
    private string? _lastApplied;

    /// <summary><c>{"event":"config_applied","strategy":…,"config_id":…,"timeframe":…}</c>, once per version.</summary>
    public void Applied(ActiveStrategySnapshot snapshot)
    {
        lock (_gate)
        {
            if (_lastApplied == snapshot.ConfigId)
            {
                return;
            }

            _lastApplied = snapshot.ConfigId;
            Write(w =>
            {
                w.WriteString("event", "config_applied");
                w.WriteString("strategy", snapshot.StrategyName);
                w.WriteString("config_id", snapshot.ConfigId);
                w.WriteString("timeframe", snapshot.Config.Timeframe);
            });
        }
    }

    /// <summary><c>{"event":"refresh_failed","strategy":…,"kept_config_id":…,"reason":…}</c>.</summary>
    public void Failed(StrategyRefreshResult result)
    {
        lock (_gate)
        {
            Write(w =>
            {
                w.WriteString("event", "refresh_failed");
                w.WriteString("strategy", result.StrategyName);
                if (result.Current is { } kept)
                {
                    w.WriteString("kept_config_id", kept.ConfigId);
                }
                else
                {
                    w.WriteNull("kept_config_id");
                }

                w.WriteString("reason", result.Failure?.Reason);
            });
        }
    }

    private void Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Flush();
    }
}
