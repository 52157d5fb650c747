using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>The domain rules behind the import, the school-year rollover and the warm handover.</summary>
public sealed class ImportAndHandoverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static HandoverDetails Details(bool needsCare = true, bool conversation = true, DateOnly? on = null) =>
        new("Basisschool De Regenboog", "Dyslexie; werkt goed met structuur.", "Extra tijd bij toetsen.", "Voortzetten.", conversation,
            on ?? new DateOnly(2026, 6, 20), needsCare);

    [Fact]
    public void A_pupil_marked_as_left_keeps_the_date_and_cannot_leave_twice()
    {
        var (_, north, _) = Builders.TwoLocations();
        var pupil = Builders.Pupil(north);

        pupil.MarkLeft(new DateOnly(2026, 12, 1));

        Assert.Equal(new DateOnly(2026, 12, 1), pupil.LeftOn);
        Assert.Throws<DomainRuleException>(() => pupil.MarkLeft(new DateOnly(2026, 12, 2)));
        pupil.Return();
        Assert.Null(pupil.LeftOn);
    }

    [Fact]
    public void A_guardian_is_recognised_by_email_or_phone()
    {
        var (_, north, _) = Builders.TwoLocations();
        var pupil = Builders.Pupil(north);
        pupil.AddGuardian("Ouder", GuardianRelationship.Mother, "06-12345678", "ouder@test.example", true);

        Assert.True(pupil.HasGuardianReachableAt("OUDER@test.example", null));
        Assert.True(pupil.HasGuardianReachableAt(null, "06-12345678"));
        Assert.False(pupil.HasGuardianReachableAt("ander@test.example", "06-87654321"));
    }

    [Fact]
    public void Rolling_over_creates_the_groups_anew_for_next_year_and_archives_the_old_ones()
    {
        var (_, north, _) = Builders.TwoLocations();
        var lastYear = new SchoolYear(2025);
        var oldA = north.AddMentorGroup("1A", lastYear);
        var oldB = north.AddMentorGroup("2B", lastYear);
        north.AddMentorGroup("2B", Builders.ThisYear);

        var created = north.RollOver(lastYear);

        Assert.Equal(["1A"], created.Select(g => g.Name));
        Assert.True(oldA.IsArchived);
        Assert.True(oldB.IsArchived);
        Assert.Equal(2, north.MentorGroups.Count(g => g.SchoolYear == Builders.ThisYear && !g.IsArchived));
        Assert.Empty(north.RollOver(lastYear));
    }

    [Fact]
    public void A_handover_that_needs_care_submits_a_referral_from_the_warm_handover()
    {
        var (_, north, _) = Builders.TwoLocations();
        var pupil = Builders.Pupil(north);

        var (handover, referral) = Handover.Record(pupil, Details(), "coordinator", Now);

        Assert.True(handover.NeedsCare);
        Assert.NotNull(referral);
        Assert.Equal(ReferralSource.WarmHandover, referral.Source);
        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.StartsWith("Warme overdracht van Basisschool De Regenboog", referral.Question, StringComparison.Ordinal);
        Assert.Equal("Extra tijd bij toetsen.", referral.AlreadyTried);
    }

    [Fact]
    public void A_handover_without_care_starts_nothing()
    {
        var (_, north, _) = Builders.TwoLocations();

        var (handover, referral) = Handover.Record(Builders.Pupil(north), Details(needsCare: false, conversation: false), "coordinator", Now);

        Assert.Null(referral);
        Assert.Null(handover.ConversationOn);
    }

    [Fact]
    public void A_handover_needs_the_previous_school_and_a_summary_and_no_future_conversation()
    {
        var (_, north, _) = Builders.TwoLocations();
        var pupil = Builders.Pupil(north);

        Assert.Throws<DomainRuleException>(() => Handover.Record(pupil, Details() with { PreviousSchool = " " }, "c", Now));
        Assert.Throws<DomainRuleException>(() => Handover.Record(pupil, Details() with { ReportSummary = null }, "c", Now));
        Assert.Throws<DomainRuleException>(() => Handover.Record(pupil, Details(on: new DateOnly(2026, 12, 1)), "c", Now));
    }

    [Fact]
    public void A_long_report_summary_still_fits_the_referral_question()
    {
        var (_, north, _) = Builders.TwoLocations();

        var (_, referral) = Handover.Record(Builders.Pupil(north), Details() with { ReportSummary = new string('x', Handover.TextMaxLength) }, "c", Now);

        Assert.Equal(Referral.QuestionMaxLength, referral!.Question!.Length);
    }
}
