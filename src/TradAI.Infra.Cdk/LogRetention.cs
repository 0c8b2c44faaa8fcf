using Amazon.CDK.AWS.Logs;

namespace TradAI.Infra.Cdk;

/// <summary>Maps a retention in days to the values CloudWatch Logs accepts.</summary>
internal static class LogRetention
{
    public static RetentionDays From(int days) => days switch
    {
        1 => RetentionDays.ONE_DAY,
        3 => RetentionDays.THREE_DAYS,
        5 => RetentionDays.FIVE_DAYS,
        7 => RetentionDays.ONE_WEEK,
        14 => RetentionDays.TWO_WEEKS,
        30 => RetentionDays.ONE_MONTH,
        60 => RetentionDays.TWO_MONTHS,
        90 => RetentionDays.THREE_MONTHS,
        120 => RetentionDays.FOUR_MONTHS,
        150 => RetentionDays.FIVE_MONTHS,
        180 => RetentionDays.SIX_MONTHS,
        365 => RetentionDays.ONE_YEAR,
        _ => throw new ArgumentOutOfRangeException(nameof(days), days, "CloudWatch Logs does not offer this retention"),
    };
}
