using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(1, 90, 0)]
    [InlineData(2, 50, 0)]
    [InlineData(4, 50, 1)]
    [InlineData(5, 50, 2)]
    [InlineData(10, 90, 8)]
    [InlineData(11, 90, 9)]
    [InlineData(20, 90, 17)]
    [InlineData(100, 100, 99)]
    public void The_nearest_rank_index_is_the_ceiling_of_p_percent_of_n_minus_one(int count, int percentile, int expected) =>
        Assert.Equal(expected, Percentile.NearestRankIndex(count, percentile));

    [Fact]
    public void The_median_of_an_odd_list_is_its_middle_value_whatever_the_order()
    {
        Assert.Equal(30, Percentile.Of([50, 10, 30, 20, 40], 50));
    }

    [Fact]
    public void The_90th_percentile_of_ten_triage_times_is_the_ninth_smallest_so_one_outlier_stays_above_it()
    {
        int[] minutes = [60, 120, 180, 240, 300, 360, 420, 480, 540, 100_000];
        Assert.Equal(540, Percentile.Of(minutes, 90));
        Assert.Equal(300, Percentile.Of(minutes, 50));
    }

    [Fact]
    public void A_percentile_of_no_values_or_outside_1_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRankIndex(0, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRankIndex(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRankIndex(10, 101));
    }

    [Theory]
    [InlineData(45, "45 min")]
    [InlineData(90, "1,5 uur")]
    [InlineData(1440, "1 dag")]
    [InlineData(1500, "1 dag")]
    [InlineData(3600, "2,5 dagen")]
    public void Minutes_are_shown_in_Dutch_as_minutes_hours_or_days(int minutes, string expected) =>
        Assert.Equal(expected, Percentile.FormatMinutes(minutes));
}
