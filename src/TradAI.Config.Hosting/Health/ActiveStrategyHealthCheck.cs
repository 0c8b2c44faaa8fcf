using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradAI.Config.Hosting.Strategies;

namespace TradAI.Config.Hosting.Health;

/// <summary>
/// Health of one strategy's config: Healthy while refreshes succeed; Degraded while they fail but the last good
/// version is served (or when no refresh has succeeded for three intervals — a stalled loop); Unhealthy when nothing
/// is served, or failures have lasted longer than <see cref="ActiveStrategyOptions.UnhealthyAfter"/>.
/// </summary>
internal sealed class ActiveStrategyHealthCheck(ActiveStrategyRefresher refresher, TimeProvider time) : IHealthCheck
{
    /// <summary>The registration name of a strategy's check.</summary>
    public static string NameFor(string strategyName) => "tradai-strategy:" + strategyName;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = refresher.Status;
        var now = time.GetUtcNow();
        var data = Data(status, now);
        var name = refresher.Name;

        if (status.Current is not { } current)
        {
            var why = status.Failure?.Reason ?? "no refresh has run yet";
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"strategy {name}: no config applied ({why})", data: data));
        }

        if (status.Failure is { } failure)
        {
            var failingFor = now - (status.FailingSince ?? failure.At);
            var unhealthyAfter = refresher.Options.UnhealthyAfter ?? refresher.Interval * 10;
            var description = $"strategy {name}: serving {current.ConfigId}, refresh failing for {Seconds(failingFor)} s ({status.ConsecutiveFailures} attempts): {failure.Reason}";
            return Task.FromResult(failingFor >= unhealthyAfter
                ? new HealthCheckResult(context.Registration.FailureStatus, description, data: data)
                : HealthCheckResult.Degraded(description, data: data));
        }

        var staleness = now - (status.LastSuccessAt ?? current.AppliedAt);
        if (staleness > refresher.Interval * 3)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"strategy {name}: serving {current.ConfigId}, but no refresh for {Seconds(staleness)} s (interval {Seconds(refresher.Interval)} s)", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"strategy {name}: serving {current.ConfigId}", data));
    }

    private static Dictionary<string, object> Data(ActiveStrategyStatus status, DateTimeOffset now)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["strategy"] = status.StrategyName,
            ["consecutive_failures"] = status.ConsecutiveFailures,
        };
        if (status.Current is { } current)
        {
            data["config_id"] = current.ConfigId;
            data["applied_at"] = current.AppliedAt;
        }

        if (status.LastSuccessAt is { } success)
        {
            data["last_success_at"] = success;
            data["staleness_seconds"] = (now - success).TotalSeconds;
        }

        if (status.LastAttemptAt is { } attempt)
        {
            data["last_attempt_at"] = attempt;
        }

        if (status.Failure is { } failure)
        {
            data["last_error"] = failure.Reason;
            data["last_error_kind"] = failure.Kind.ToString();
        }

        return data;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
