using LeerlingzorgPortal.Domain.Auditing;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class AuditReviewTests
{
    private static readonly TimeZoneInfo Amsterdam = SchoolHours.Amsterdam;

    [Theory]
    // Winter time (UTC+1): 06:30 UTC is 07:30 in Amsterdam, inside; 05:59 UTC is 06:59, outside.
    [InlineData("2026-11-23T06:30:00Z", false)]
    [InlineData("2026-11-23T05:59:00Z", true)]
    [InlineData("2026-11-23T17:59:00Z", false)]
    [InlineData("2026-11-23T18:00:00Z", true)]
    // Summer time (UTC+2): 05:30 UTC is 07:30, inside; 17:30 UTC is 19:30, outside.
    [InlineData("2026-06-15T05:30:00Z", false)]
    [InlineData("2026-06-15T04:59:00Z", true)]
    [InlineData("2026-06-15T16:59:00Z", false)]
    [InlineData("2026-06-15T17:30:00Z", true)]
    // Saturday noon and Sunday noon are outside; Friday 23:30 UTC is already Saturday in Amsterdam.
    [InlineData("2026-11-21T11:00:00Z", true)]
    [InlineData("2026-11-22T11:00:00Z", true)]
    [InlineData("2026-11-20T23:30:00Z", true)]
    public void School_hours_are_weekdays_seven_to_nineteen_in_Amsterdam_time(string utc, bool outside)
    {
        Assert.Equal(outside, SchoolHours.IsOutside(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), Amsterdam));
    }

    [Fact]
    public void The_stretches_outside_school_hours_merge_the_weekend_and_follow_the_clock_change()
    {
        // Thursday 22 to Monday 26 October 2026; the clocks go back on Sunday 25 October at 03:00.
        var stretches = SchoolHours.OutsideStretches(new DateOnly(2026, 10, 22), new DateOnly(2026, 10, 26), Amsterdam);

        Assert.Equal(
        [
            (Utc("2026-10-21T22:00:00Z"), Utc("2026-10-22T05:00:00Z")), // Thursday night before 07:00 (summer time)
            (Utc("2026-10-22T17:00:00Z"), Utc("2026-10-23T05:00:00Z")), // Thursday 19:00 to Friday 07:00
            (Utc("2026-10-23T17:00:00Z"), Utc("2026-10-26T06:00:00Z")), // Friday 19:00 to Monday 07:00 (winter time)
            (Utc("2026-10-26T18:00:00Z"), Utc("2026-10-26T23:00:00Z")), // Monday 19:00 to midnight
        ], stretches);
    }

    [Fact]
    public void Every_moment_inside_a_stretch_is_outside_school_hours_and_every_other_is_inside()
    {
        var from = new DateOnly(2026, 3, 23);
        var through = new DateOnly(2026, 4, 3); // across the spring clock change of 29 March
        var stretches = SchoolHours.OutsideStretches(from, through, Amsterdam);
        var start = Utc("2026-03-23T00:00:00Z");
        for (var moment = start; moment < Utc("2026-04-03T20:00:00Z"); moment = moment.AddMinutes(15))
        {
            var inStretch = stretches.Any(s => moment >= s.Start && moment < s.End);
            if (moment >= stretches[0].Start)
            {
                Assert.Equal(SchoolHours.IsOutside(moment, Amsterdam), inStretch);
            }
        }
    }

    [Fact]
    public void A_figure_above_its_threshold_flags_the_user_and_one_at_the_threshold_does_not()
    {
        var thresholds = new UnusualAccessThresholds(PupilsOutsideCaseload: 10, RefusedAccesses: 5, ReadsOutsideSchoolHours: 20, Exports: 10);

        Assert.Equal(UnusualFigure.None, thresholds.Flags(new AccessFigures(10, 5, 20, 10)));
        Assert.Equal(UnusualFigure.PupilsOutsideCaseload, thresholds.Flags(new AccessFigures(11, 0, 0, 0)));
        Assert.Equal(UnusualFigure.RefusedAccesses | UnusualFigure.Exports, thresholds.Flags(new AccessFigures(0, 6, 0, 11)));
        Assert.Equal(UnusualFigure.ReadsOutsideSchoolHours, thresholds.Flags(new AccessFigures(0, 0, 21, 0)));
    }

    [Fact]
    public void The_client_address_is_kept_at_most_45_characters()
    {
        var entry = new AuditEntry(DateTimeOffset.UnixEpoch, "u", AuditAction.Read, "Pupil", "1", 1).From(new string('f', 60));

        Assert.Equal(AuditEntry.ClientAddressMaxLength, entry.ClientAddress!.Length);
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
