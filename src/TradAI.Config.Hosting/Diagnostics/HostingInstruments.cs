using System.Diagnostics.Metrics;
using TradAI.Config.Core.Errors;
using TradAI.Config.Hosting.Strategies;

namespace TradAI.Config.Hosting.Diagnostics;

/// <summary>The instruments of <see cref="TradaiHostingMetrics"/>, created once per service provider from its <see cref="IMeterFactory"/>.</summary>
internal sealed class HostingInstruments
{
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _changes;
    private readonly Counter<long> _secrets;

    public HostingInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TradaiHostingMetrics.MeterName);
        _refreshes = meter.CreateCounter<long>(TradaiHostingMetrics.Refreshes, "{refresh}", "Strategy config refreshes, by outcome");
        _failures = meter.CreateCounter<long>(TradaiHostingMetrics.RefreshFailures, "{refresh}", "Strategy config refreshes that kept the last good version, by error kind");
        _changes = meter.CreateCounter<long>(TradaiHostingMetrics.ChangesApplied, "{version}", "New active versions applied");
        _secrets = meter.CreateCounter<long>(TradaiHostingMetrics.SecretRefreshes, "{refresh}", "Re-reads of secrets mapped into configuration, by outcome");
    }

    public void Refreshed(string strategy, StrategyRefreshResult result)
    {
        var strategyTag = new KeyValuePair<string, object?>("strategy", strategy);
        _refreshes.Add(1, strategyTag, new KeyValuePair<string, object?>("outcome", OutcomeName(result.Outcome)));
        if (result.Failure is { } failure)
        {
            _failures.Add(1, strategyTag, new KeyValuePair<string, object?>("error.kind", KindName(failure.Kind)));
        }
        else if (result.Outcome == StrategyRefreshOutcome.Applied)
        {
            _changes.Add(1, strategyTag);
        }
    }

    public void SecretRefreshed(string secret, string outcome) =>
        _secrets.Add(1, new KeyValuePair<string, object?>("secret", secret), new KeyValuePair<string, object?>("outcome", outcome));

    private static string OutcomeName(StrategyRefreshOutcome outcome) => outcome switch
    {
        StrategyRefreshOutcome.Applied => "applied",
        StrategyRefreshOutcome.Unchanged => "unchanged",
        _ => "failed",
    };

    internal static string KindName(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "validation",
        ErrorKind.NotFound => "not_found",
        ErrorKind.Conflict => "conflict",
        _ => "external_service",
    };
}
