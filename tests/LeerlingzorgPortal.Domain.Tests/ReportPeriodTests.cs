using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class ReportPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Without_a_filter_the_period_is_the_current_school_year_up_to_today()
    {
        var choice = ReportPeriod.Choose(null, null, null, Today);

        Assert.True(choice.IsValid);
        Assert.Equal(new DateOnly(2026, 8, 1), choice.Period.From);
        Assert.Equal(Today, choice.Period.To);
        Assert.Equal(new SchoolYear(2026), choice.Period.SchoolYear);
    }

    [Fact]
    public void An_earlier_school_year_without_dates_is_the_whole_year()
    {
        var choice = ReportPeriod.Choose(2024, null, null, Today);

        Assert.True(choice.IsValid);
        Assert.Equal(new DateOnly(2024, 8, 1), choice.Period.From);
        Assert.Equal(new DateOnly(2025, 7, 31), choice.Period.To);
        Assert.True(choice.Period.IsWholeYear);
    }

    [Fact]
    public void Dates_within_the_year_are_taken_as_given_in_iso_or_dutch_notation()
    {
        var choice = ReportPeriod.Choose(2025, "2025-09-15", "31-01-2026", Today);

        Assert.True(choice.IsValid);
        Assert.Equal(new DateOnly(2025, 9, 15), choice.Period.From);
        Assert.Equal(new DateOnly(2026, 1, 31), choice.Period.To);
    }

    [Fact]
    public void An_end_before_the_start_is_refused_in_dutch_and_the_default_period_is_used()
    {
        var choice = ReportPeriod.Choose(2026, "2026-10-01", "2026-09-01", Today);

        var error = Assert.Single(choice.Errors);
        Assert.Equal("De einddatum ligt vóór de begindatum.", error.Message);
        Assert.Equal(ReportPeriod.Default(Today), choice.Period);
    }

    [Theory]
    [InlineData(2027, "in de toekomst")]
    [InlineData(2021, "te ver terug")]
    public void A_school_year_in_the_future_or_too_far_back_is_refused(int year, string reason)
    {
        var choice = ReportPeriod.Choose(year, null, null, Today);

        var error = Assert.Single(choice.Errors);
        Assert.Equal("year", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("2022-2023 tot en met 2026-2027", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReportPeriod.Default(Today), choice.Period);
    }

    [Fact]
    public void The_oldest_allowed_school_year_is_four_years_back()
    {
        Assert.True(ReportPeriod.Choose(2022, null, null, Today).IsValid);
    }

    [Fact]
    public void A_period_outside_the_chosen_school_year_is_refused()
    {
        var choice = ReportPeriod.Choose(2025, "2025-06-01", "2025-09-01", Today);

        var error = Assert.Single(choice.Errors);
        Assert.Contains("binnen schooljaar 2025-2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_in_the_future_is_refused()
    {
        var choice = ReportPeriod.Choose(null, "2027-01-01", null, Today);

        Assert.Contains("toekomst", Assert.Single(choice.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("morgen", null)]
    [InlineData(null, "2026-13-45")]
    public void Text_that_is_not_a_date_is_refused_without_an_exception(string? from, string? to)
    {
        var choice = ReportPeriod.Choose(null, from, to, Today);

        Assert.Contains("geen geldige datum", Assert.Single(choice.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(ReportPeriod.Default(Today), choice.Period);
    }

    [Fact]
    public void The_months_are_clipped_to_the_period_and_labelled_in_dutch()
    {
        var period = new ReportPeriod(new SchoolYear(2026), new DateOnly(2026, 9, 15), new DateOnly(2026, 11, 22));

        var months = period.Months;

        Assert.Equal(["sep 2026", "okt 2026", "nov 2026"], months.Select(m => m.Label));
        Assert.Equal(new DateOnly(2026, 9, 15), months[0].First);
        Assert.Equal(new DateOnly(2026, 10, 1), months[0].End);
        Assert.Equal(new DateOnly(2026, 11, 23), months[2].End);
    }

    [Fact]
    public void A_whole_school_year_has_twelve_months_from_august_to_july()
    {
        var months = new ReportPeriod(new SchoolYear(2025), new DateOnly(2025, 8, 1), new DateOnly(2026, 7, 31)).Months;

        Assert.Equal(12, months.Count);
        Assert.Equal("aug 2025", months[0].Label);
        Assert.Equal("jul 2026", months[^1].Label);
    }

    [Fact]
    public void The_period_runs_from_midnight_to_the_midnight_after_the_last_day()
    {
        var period = new ReportPeriod(new SchoolYear(2026), new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));

        Assert.Equal(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void A_period_cannot_be_made_outside_its_school_year()
    {
        Assert.Throws<DomainRuleException>(() => new ReportPeriod(new SchoolYear(2026), new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void The_published_period_of_the_current_year_ends_with_its_last_whole_month_and_a_past_year_is_whole()
    {
        var current = ReportPeriod.Published(new SchoolYear(2026), Today)!;
        var past = ReportPeriod.Published(new SchoolYear(2025), Today)!;

        Assert.Equal((new DateOnly(2026, 8, 1), new DateOnly(2026, 10, 31)), (current.From, current.To));
        Assert.True(past.IsWholeYear);
        Assert.Null(ReportPeriod.Published(new SchoolYear(2026), new DateOnly(2026, 8, 20)));
        Assert.Null(ReportPeriod.Published(new SchoolYear(2027), Today));
    }

    [Theory]
    [InlineData("2026-10-01", null)]
    [InlineData(null, "2026-10-09")]
    [InlineData("2026-10-01", "2026-10-09")]
    public void A_role_without_names_cannot_choose_dates_and_gets_the_published_period_with_a_dutch_message(string? from, string? to)
    {
        var choice = ReportPeriod.ChoosePublished(2026, from, to, Today);

        Assert.False(choice.IsValid);
        Assert.Contains("Een eigen begin- of einddatum kan alleen wie ook de namen mag zien.", choice.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 8, 1), new DateOnly(2026, 10, 31)), (choice.Period.From, choice.Period.To));
    }

    [Fact]
    public void In_august_the_published_period_is_last_school_year_and_asking_for_the_new_one_says_why_not()
    {
        var august = new DateOnly(2026, 8, 20);

        var newest = ReportPeriod.ChoosePublished(null, null, null, august);
        var asked = ReportPeriod.ChoosePublished(2026, null, null, august);

        Assert.True(newest.IsValid);
        Assert.Equal(new SchoolYear(2025), newest.Period.SchoolYear);
        Assert.True(newest.Period.IsWholeYear);
        Assert.Contains("nog geen cijfers", asked.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(newest.Period, asked.Period);
    }

    [Theory]
    [InlineData(2027, "ligt in de toekomst")]
    [InlineData(2019, "ligt te ver terug")]
    public void A_published_year_in_the_future_or_too_far_back_is_refused_in_dutch(int year, string reason)
    {
        var choice = ReportPeriod.ChoosePublished(year, null, null, Today);

        Assert.Contains(reason, choice.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 10, 31), choice.Period.To);
    }
}
