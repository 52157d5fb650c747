using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Retention;

namespace LeerlingzorgPortal.Web.Tests.Features.Retention;

/// <summary>The due-list computation on its own, with a fake clock: leaving date plus period, per kind.</summary>
public sealed class RetentionDueListTests
{
    private static readonly Dictionary<RetentionKind, int> Defaults = new()
    {
        [RetentionKind.CareDossier] = 2,
        [RetentionKind.Absence] = 5,
        [RetentionKind.SpecialEducation] = 3,
    };

    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    private static readonly DateOnly Today = new(2026, 11, 22);

    private static RetentionCandidate Left(DateOnly on, bool absence = false, bool specialEducation = false, int pupil = 1) =>
        new(pupil, 10, on, absence, specialEducation);

    [Fact]
    public void The_care_dossier_is_due_on_the_day_the_period_after_leaving_ends()
    {
        var plan = new RetentionDueList(Clock).Plan([Left(Today.AddYears(-2))], Defaults, []);

        var item = Assert.Single(plan.New);
        Assert.Equal(RetentionKind.CareDossier, item.Kind);
        Assert.Equal(Today, item.DueOn);
        Assert.Equal(10, item.LocationId);
    }

    [Fact]
    public void One_day_before_the_period_ends_nothing_is_due()
    {
        var plan = new RetentionDueList(Clock).Plan([Left(Today.AddYears(-2).AddDays(1))], Defaults, []);

        Assert.Empty(plan.New);
    }

    [Fact]
    public void Each_kind_has_its_own_period_and_only_counts_when_the_pupil_has_such_data()
    {
        var leftFourYearsAgo = Left(Today.AddYears(-4), absence: true, specialEducation: true);
        var withoutSpecialData = Left(Today.AddYears(-4), pupil: 2);

        var plan = new RetentionDueList(Clock).Plan([leftFourYearsAgo, withoutSpecialData], Defaults, []);

        Assert.Equal(
            [(1, RetentionKind.CareDossier), (1, RetentionKind.SpecialEducation), (2, RetentionKind.CareDossier)],
            plan.New.Select(i => (i.PupilId, i.Kind)).Order().ToList());
    }

    [Fact]
    public void Absence_is_due_after_five_years()
    {
        var plan = new RetentionDueList(Clock).Plan([Left(Today.AddYears(-5), absence: true)], Defaults, []);

        Assert.Contains(plan.New, i => i.Kind == RetentionKind.Absence && i.DueOn == Today);
    }

    [Fact]
    public void A_changed_period_moves_the_due_date()
    {
        var longer = new Dictionary<RetentionKind, int>(Defaults) { [RetentionKind.CareDossier] = 7 };

        var plan = new RetentionDueList(Clock).Plan([Left(Today.AddYears(-4))], longer, []);

        Assert.Empty(plan.New);
    }

    [Fact]
    public void A_pupil_already_listed_is_not_listed_twice()
    {
        var plan = new RetentionDueList(Clock).Plan([Left(Today.AddYears(-3))], Defaults,
            [new ExistingReview(5, 1, RetentionKind.CareDossier, RetentionReviewStatus.Due, null)]);

        Assert.Empty(plan.New);
        Assert.Empty(plan.Reopen);
        Assert.Empty(plan.Withdraw);
    }

    [Fact]
    public void A_postponed_review_stays_postponed_until_its_date_and_is_due_again_on_that_day()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));
        var postponed = new ExistingReview(5, 1, RetentionKind.CareDossier, RetentionReviewStatus.Postponed, Today.AddDays(2));
        var list = new RetentionDueList(clock);

        Assert.Empty(list.Plan([Left(Today.AddYears(-3))], Defaults, [postponed]).Reopen);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(list.Plan([Left(Today.AddYears(-3))], Defaults, [postponed]).Reopen);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([5], list.Plan([Left(Today.AddYears(-3))], Defaults, [postponed]).Reopen);
    }

    [Fact]
    public void The_clock_passing_the_due_date_makes_the_pupil_due()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 23, 59, 0, TimeSpan.Zero));
        var candidate = Left(Today.AddYears(-2).AddDays(1));
        var list = new RetentionDueList(clock);

        Assert.Empty(list.Plan([candidate], Defaults, []).New);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(list.Plan([candidate], Defaults, []).New);
    }

    [Fact]
    public void A_pupil_who_came_back_is_withdrawn_from_the_list_but_a_confirmed_review_stays()
    {
        var plan = new RetentionDueList(Clock).Plan([], Defaults,
        [
            new ExistingReview(5, 1, RetentionKind.CareDossier, RetentionReviewStatus.Due, null),
            new ExistingReview(6, 2, RetentionKind.CareDossier, RetentionReviewStatus.Confirmed, null),
        ]);

        Assert.Equal([5], plan.Withdraw);
    }

    [Fact]
    public void A_confirmed_kind_is_never_listed_again()
    {
        var plan = new RetentionDueList(Clock).Plan([Left(Today.AddYears(-3))], Defaults,
            [new ExistingReview(6, 1, RetentionKind.CareDossier, RetentionReviewStatus.Confirmed, null)]);

        Assert.Empty(plan.New);
        Assert.Empty(plan.Withdraw);
    }
}
