using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class CarePlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid GoalA = Guid.NewGuid();
    private static readonly Guid GoalB = Guid.NewGuid();
    private static readonly Guid Measure = Guid.NewGuid();

    private static PlanContent Content(params PlanGoal[] goals) => new("Plan lezen", Today, Today.AddMonths(3),
        goals.Length > 0 ? goals : [new PlanGoal(GoalA, "Leest 80 woorden per minuut", Today.AddMonths(3))],
        [new PlanMeasure(Measure, "Dagelijks 15 minuten duolezen", "Mentor", "mentor-id", "dagelijks", "12 weken", true)], null);

    private static OppParts Opp => new("vmbo-kader", "Past bij de resultaten", "Gemotiveerd", "Dyslexie", "Remedial teaching, 2 uur per week, 1 jaar");

    private static CarePlan Plan() => CarePlan.Start(1, 1, "worker", Content(), Now);

    private static GoalEvaluation[] AllReached(CarePlan plan) =>
        plan.Content.Goals.Select(g => new GoalEvaluation(g.Key, GoalResult.Reached, null)).ToArray();

    [Fact]
    public void A_plan_goes_from_draft_to_active_to_evaluated_to_closed()
    {
        var plan = Plan();
        Assert.Equal(PlanStatus.Draft, plan.Status);

        plan.Activate("w", Now);
        Assert.Equal(PlanStatus.Active, plan.Status);
        plan.Evaluate(Today, AllReached(plan), "Goed gegaan", "w", Now);
        Assert.Equal(PlanStatus.Evaluated, plan.Status);
        plan.Close(Now);
        Assert.Equal(PlanStatus.Closed, plan.Status);
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var plan = Plan();
        Assert.Throws<DomainRuleException>(() => plan.Evaluate(Today, AllReached(plan), null, "w", Now));
        Assert.Throws<DomainRuleException>(() => plan.Close(Now));
        Assert.Throws<DomainRuleException>(() => plan.Continue(Content(), "w", Now));

        plan.Activate("w", Now);
        Assert.Throws<DomainRuleException>(() => plan.Activate("w", Now));
        Assert.Throws<DomainRuleException>(() => plan.Revise(Content(), "w", Now));

        plan.Evaluate(Today, AllReached(plan), null, "w", Now);
        plan.Close(Now);
        var error = Assert.Throws<DomainRuleException>(() => plan.Close(Now));
        Assert.Equal("Een plan met status 'afgesloten' kun je niet afsluiten.", error.Message);
    }

    [Fact]
    public void Every_evaluation_needs_a_result_for_every_goal()
    {
        var plan = CarePlan.Start(1, 1, "w", Content(new PlanGoal(GoalA, "Doel A", Today.AddMonths(1)),
            new PlanGoal(GoalB, "Doel B", Today.AddMonths(2))), Now);
        plan.Activate("w", Now);

        var error = Assert.Throws<DomainRuleException>(() =>
            plan.Evaluate(Today, [new GoalEvaluation(GoalA, GoalResult.Reached, null)], null, "w", Now));
        Assert.Contains("Doel B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_cannot_be_dated_before_the_plan_was_active_or_in_the_future()
    {
        var plan = Plan();
        plan.Activate("w", Now);

        Assert.Throws<DomainRuleException>(() => plan.Evaluate(Today.AddDays(-1), AllReached(plan), null, "w", Now));
        Assert.Throws<DomainRuleException>(() => plan.Evaluate(Today.AddDays(1), AllReached(plan), null, "w", Now));
    }

    [Fact]
    public void Goals_need_a_description_and_a_target_date_within_the_plan()
    {
        Assert.Throws<DomainRuleException>(() => CarePlan.Start(1, 1, "w", Content(new PlanGoal(GoalA, " ", Today)), Now));
        var early = Assert.Throws<DomainRuleException>(() =>
            CarePlan.Start(1, 1, "w", Content(new PlanGoal(GoalA, "Leest vlot", Today.AddDays(-1))), Now));
        Assert.Contains("voor de start van het plan", early.Message, StringComparison.Ordinal);
        Assert.Throws<DomainRuleException>(() => CarePlan.Start(1, 1, "w", Content() with { EvaluationDate = Today }, Now));
    }

    [Fact]
    public void Continuing_after_an_evaluation_makes_a_new_draft_version_and_keeps_the_old()
    {
        var plan = Plan();
        plan.Activate("w", Now);
        plan.Evaluate(Today, AllReached(plan), null, "w", Now);

        plan.Continue(Content(new PlanGoal(GoalB, "Leest 100 woorden per minuut", Today.AddMonths(4))), "w", Now);

        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(2, plan.VersionNumber);
        Assert.Equal(["Leest 80 woorden per minuut"], plan.Versions.Single(v => v.Number == 1).Content.Goals.Select(g => g.Description));
    }

    [Fact]
    public void Saving_the_same_content_makes_no_new_version()
    {
        var plan = Plan();

        plan.Revise(Content(), "w", Now);

        Assert.Equal(1, plan.VersionNumber);
    }

    [Fact]
    public void The_difference_between_versions_names_what_changed()
    {
        var before = Content(new PlanGoal(GoalA, "Leest 80 woorden", Today.AddMonths(3)));
        var after = before with
        {
            Goals = [new PlanGoal(GoalA, "Leest 100 woorden", Today.AddMonths(3)), new PlanGoal(GoalB, "Schrijft een verslag", Today.AddMonths(4))],
            Measures = [],
        };

        var changes = PlanChanges.Between(before, after);

        Assert.Contains(changes, c => c.StartsWith("Doel gewijzigd: 'Leest 80 woorden'", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.StartsWith("Doel toegevoegd: Schrijft een verslag", StringComparison.Ordinal));
        Assert.Contains("Maatregel verwijderd: Dagelijks 15 minuten duolezen", changes);
        Assert.Empty(PlanChanges.Between(before, before));
    }

    [Fact]
    public void An_opp_cannot_be_set_without_the_parents_consent_to_this_version()
    {
        var plan = Plan();
        plan.MakeOpp(Today.AddDays(-10), Opp, "c", Now);

        var error = Assert.Throws<DomainRuleException>(() => plan.Activate("c", Now));
        Assert.Contains("instemming van de ouders", error.Message, StringComparison.Ordinal);

        plan.RecordConsent(false, Today, "Moeder", "Wil eerst overleggen", "c", Now);
        Assert.Throws<DomainRuleException>(() => plan.Activate("c", Now));
        plan.RecordConsent(true, Today, "Moeder en vader", null, "c", Now.AddMinutes(5));
        plan.Activate("c", Now);
        Assert.Equal(PlanStatus.Active, plan.Status);
    }

    [Fact]
    public void Consent_given_to_an_older_version_does_not_cover_a_changed_handelingsdeel()
    {
        var plan = Plan();
        plan.MakeOpp(Today, Opp, "c", Now);
        plan.RecordConsent(true, Today, "Moeder", null, "c", Now);

        plan.Revise(plan.Content with { Opp = Opp with { SupportSection = "Ambulante begeleiding, 1 uur per week" } }, "c", Now);

        Assert.False(plan.HasConsentForCurrentVersion);
        Assert.Throws<DomainRuleException>(() => plan.Activate("c", Now));
    }

    [Fact]
    public void Consent_cannot_be_dated_in_the_future_and_belongs_to_an_opp()
    {
        var plan = Plan();
        Assert.Throws<DomainRuleException>(() => plan.RecordConsent(true, Today, "Moeder", null, "c", Now));
        plan.MakeOpp(Today, Opp, "c", Now);
        Assert.Throws<DomainRuleException>(() => plan.RecordConsent(true, Today.AddDays(1), "Moeder", null, "c", Now));
    }

    [Theory]
    [InlineData(42, false)]
    [InlineData(43, true)]
    public void An_opp_is_late_when_not_set_within_six_weeks(int daysAfterNeed, bool late)
    {
        var need = new DateOnly(2026, 9, 1);
        var plan = CarePlan.Start(1, 1, "w", Content() with
        {
            StartDate = need,
            EvaluationDate = need.AddMonths(6),
            Goals = [new PlanGoal(GoalA, "Doel", need.AddMonths(3))]
        }, new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero));
        plan.MakeOpp(need, Opp, "c", new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 10, 13), OppDeadlines.SetBy(plan));
        Assert.Equal(late, OppDeadlines.IsLateToBeSet(plan, need.AddDays(daysAfterNeed)));
    }

    [Fact]
    public void An_opp_set_in_time_is_never_late_to_be_set()
    {
        var plan = Plan();
        plan.MakeOpp(Today.AddDays(-7), Opp, "c", Now);
        plan.RecordConsent(true, Today, "Ouders", null, "c", Now);
        plan.Activate("c", Now);

        Assert.False(OppDeadlines.IsLateToBeSet(plan, Today.AddYears(1)));
    }

    [Fact]
    public void The_yearly_evaluation_is_due_by_the_end_of_the_school_year_and_late_the_day_after()
    {
        var plan = ActiveOpp(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 31), OppDeadlines.EvaluateBy(plan));
        Assert.False(OppDeadlines.IsLateForEvaluation(plan, new DateOnly(2026, 7, 31)));
        Assert.True(OppDeadlines.IsLateForEvaluation(plan, new DateOnly(2026, 8, 1)));
    }

    [Fact]
    public void An_opp_set_in_spring_gets_until_the_end_of_the_next_school_year()
    {
        var plan = ActiveOpp(new DateTimeOffset(2026, 5, 15, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 7, 31), OppDeadlines.EvaluateBy(plan));
        Assert.False(OppDeadlines.IsLateForEvaluation(plan, new DateOnly(2026, 8, 1)));
    }

    [Fact]
    public void An_evaluation_moves_the_next_deadline_to_the_end_of_the_next_school_year()
    {
        var set = new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var plan = ActiveOpp(set);
        var evaluatedAt = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero);
        plan.Evaluate(new DateOnly(2026, 6, 20), AllReached(plan), null, "c", evaluatedAt);

        Assert.Equal(new DateOnly(2027, 7, 31), OppDeadlines.EvaluateBy(plan));
        Assert.False(OppDeadlines.IsLateForEvaluation(plan, new DateOnly(2026, 8, 1)));
        Assert.True(OppDeadlines.IsLateForEvaluation(plan, new DateOnly(2027, 8, 1)));
    }

    [Theory]
    [InlineData("2025-10-01", null)]
    [InlineData("2026-03-31", null)]
    [InlineData("2026-04-01", null)]
    [InlineData("2026-07-20", null)]
    [InlineData("2025-10-01", "2026-06-20")]
    [InlineData("2025-10-01", "2026-08-01")]
    public void The_database_filter_for_opps_due_agrees_with_the_deadlines_on_every_horizon(string activated, string? evaluated)
    {
        var plan = ActiveOpp(new DateTimeOffset(DateOnly.Parse(activated, System.Globalization.CultureInfo.InvariantCulture)
            .ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        if (evaluated is not null)
        {
            var on = DateOnly.Parse(evaluated, System.Globalization.CultureInfo.InvariantCulture);
            plan.Evaluate(on, AllReached(plan), null, "c", new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        }

        for (var horizon = new DateOnly(2025, 9, 1); horizon < new DateOnly(2029, 9, 1); horizon = horizon.AddDays(5))
        {
            var expected = OppDeadlines.EvaluateBy(plan) is { } by && by <= horizon;
            Assert.Equal(expected, OppDeadlines.DueOnOrBefore(horizon).Compile()(plan));
        }
    }

    [Theory]
    [InlineData(27, false)]
    [InlineData(28, true)]
    [InlineData(60, true)]
    public void The_database_filter_counts_an_opp_not_yet_set_as_due_two_weeks_before_its_six_weeks_end(int daysAgo, bool due)
    {
        var plan = Plan();
        plan.MakeOpp(Today.AddDays(-daysAgo), Opp, "c", Now);

        Assert.Equal(due, OppDeadlines.DueOnOrBefore(Today.AddDays(14)).Compile()(plan));
    }

    [Fact]
    public void A_support_plan_has_no_legal_deadlines()
    {
        var plan = Plan();
        plan.Activate("w", Now);

        Assert.Null(OppDeadlines.SetBy(plan));
        Assert.Null(OppDeadlines.EvaluateBy(plan));
    }

    [Fact]
    public void A_measure_is_evaluated_only_on_an_active_plan_and_only_if_it_is_in_the_plan()
    {
        var plan = Plan();
        Assert.Throws<DomainRuleException>(() => plan.EvaluateMeasure(Measure, Today, "Gaat goed", "m", Now));
        plan.Activate("w", Now);

        plan.EvaluateMeasure(Measure, Today, "Gaat goed", "m", Now);
        Assert.Throws<DomainRuleException>(() => plan.EvaluateMeasure(Guid.NewGuid(), Today, "Onbekend", "m", Now));
        Assert.Single(plan.MeasureEvaluations);
    }

    [Theory]
    [InlineData(StaffRole.CareWorkerA, true, false, true)]
    [InlineData(StaffRole.CareWorkerB, true, true, true)]
    [InlineData(StaffRole.CareWorkerC, true, true, true)]
    [InlineData(StaffRole.Coordinator, true, true, true)]
    public void Level_b_and_up_write_plans_and_level_a_evaluates_measures(StaffRole role, bool reads, bool writes, bool evaluates)
    {
        var onCase = new ReferralPermissions(true, true, true, true, false, false);

        var permissions = PlanAccess.For(new StaffScope("me", [role], [1], []), onCase);

        Assert.Equal(reads, permissions.ReadsPlans);
        Assert.Equal(writes, permissions.Writes);
        Assert.Equal(evaluates, permissions.EvaluatesOwnMeasures);
    }

    [Fact]
    public void The_mentor_reads_only_the_classroom_measures()
    {
        var mentorOnCase = new ReferralPermissions(true, false, false, false, false, false);

        var permissions = PlanAccess.For(new StaffScope("me", [StaffRole.Mentor], [1], [10]), mentorOnCase);

        Assert.False(permissions.ReadsPlans);
        Assert.True(permissions.ReadsClassroomMeasures);
        Assert.False(permissions.Writes);
    }

    [Theory]
    [InlineData("2025-10-01", null)]
    [InlineData("2026-03-31", null)]
    [InlineData("2026-04-01", null)]
    [InlineData("2026-07-31", null)]
    [InlineData("2024-05-15", null)]
    [InlineData("2025-10-01", "2026-06-20")]
    [InlineData("2024-10-01", "2025-06-20")]
    [InlineData("2024-10-01", "2025-08-20")]
    public void The_cut_off_dates_find_the_same_late_evaluations_as_the_rule(string set, string? evaluated)
    {
        var setAt = new DateTimeOffset(DateOnly.Parse(set, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var plan = ActiveOpp(setAt);
        if (evaluated is not null)
        {
            var on = DateOnly.Parse(evaluated, System.Globalization.CultureInfo.InvariantCulture);
            plan.Evaluate(on, AllReached(plan), null, "c", new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        }

        for (var today = new DateOnly(2025, 7, 1); today <= new DateOnly(2028, 9, 1); today = today.AddDays(7))
        {
            if (today < plan.FirstActivatedOn || (plan.LastEvaluatedOn is { } last && today < last))
            {
                continue;
            }

            var cutOffs = OppDeadlines.CutOffsOn(today);
            var late = plan.LastEvaluatedOn is { } lastOn && lastOn >= plan.FirstActivatedOn
                ? lastOn < cutOffs.EvaluatedBefore
                : plan.FirstActivatedOn < cutOffs.ActivatedBefore;
            Assert.Equal(OppDeadlines.IsLateForEvaluation(plan, today), late);
        }
    }

    [Fact]
    public void The_cut_off_date_finds_the_same_opps_late_to_be_set_as_the_rule()
    {
        var need = new DateOnly(2026, 9, 1);
        var plan = Plan();
        plan.MakeOpp(need, Opp, "c", new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero));

        for (var today = need; today <= need.AddDays(60); today = today.AddDays(1))
        {
            Assert.Equal(OppDeadlines.IsLateToBeSet(plan, today), need < OppDeadlines.CutOffsOn(today).NeedEstablishedBefore);
        }
    }

    private static CarePlan ActiveOpp(DateTimeOffset set)
    {
        var day = DateOnly.FromDateTime(set.UtcDateTime);
        var plan = CarePlan.Start(1, 1, "c", new PlanContent("OPP", day, day.AddMonths(6),
            [new PlanGoal(GoalA, "Doel", day.AddMonths(3))], [], null), set);
        plan.MakeOpp(day, Opp, "c", set);
        plan.RecordConsent(true, day, "Ouders", null, "c", set);
        plan.Activate("c", set);
        return plan;
    }
}
