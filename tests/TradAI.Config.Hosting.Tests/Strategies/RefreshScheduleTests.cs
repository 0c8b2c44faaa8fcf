using AwesomeAssertions;
using TradAI.Config.Hosting.Scheduling;

namespace TradAI.Config.Hosting.Tests.Strategies;

/// <summary>When the next poll happens: the interval, shortened by jitter only; doubling backoff while failing, capped.</summary>
public sealed class RefreshScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0.0, 30.0)]
    [InlineData(0.5, 28.5)]
    [InlineData(0.999999, 27.00003)]
    public void After_a_success_the_wait_is_the_interval_shortened_by_at_most_the_jitter(double random, double seconds) =>
        RefreshSchedule.NextDelay(Interval, 0.1, Cap, 0, random).TotalSeconds.Should().BeApproximately(seconds, 0.001);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(1000, 300)]
    public void While_failing_the_wait_doubles_from_the_interval_up_to_the_cap(int failures, int seconds) =>
        RefreshSchedule.NextDelay(Interval, 0.1, Cap, failures, 0).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void A_cap_below_the_interval_never_polls_faster_than_the_interval() =>
        RefreshSchedule.NextDelay(Interval, 0, TimeSpan.FromSeconds(1), 3, 0).Should().Be(Interval);

    [Fact]
    public void Jitter_is_clamped_to_half_the_interval() =>
        RefreshSchedule.NextDelay(Interval, 5, Cap, 0, 0.999999).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
}
