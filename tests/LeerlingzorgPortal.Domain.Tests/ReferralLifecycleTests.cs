using LeerlingzorgPortal.Domain.Care;
using static LeerlingzorgPortal.Domain.Tests.CareBuilders;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class ReferralLifecycleTests
{
    private static readonly ReferralStatus[] AllStatuses = Enum.GetValues<ReferralStatus>();

    /// <summary>Every step, from every status: allowed where the lifecycle says so, refused elsewhere.</summary>
    public static TheoryData<string, ReferralStatus[]> Steps => new()
    {
        { "submit", [ReferralStatus.Draft] },
        { "triage", [ReferralStatus.Submitted] },
        { "return", [ReferralStatus.Submitted] },
        { "note", [ReferralStatus.Triaged, ReferralStatus.InProgress] },
        { "item", [ReferralStatus.Triaged, ReferralStatus.InProgress] },
        { "close", [ReferralStatus.Triaged, ReferralStatus.InProgress] },
        { "referout", [ReferralStatus.Triaged, ReferralStatus.InProgress] },
        { "reassign", [ReferralStatus.Triaged, ReferralStatus.InProgress] },
        { "edit", [ReferralStatus.Draft] },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Each_step_is_allowed_only_from_its_statuses(string step, ReferralStatus[] allowedFrom)
    {
        foreach (var from in AllStatuses)
        {
            var referral = InStatus(from);
            void Act() => Do(referral, step);

            if (allowedFrom.Contains(from))
            {
                Act();
            }
            else
            {
                var error = Assert.Throws<DomainRuleException>(Act);
                Assert.Contains(ReferralStatusText.Dutch(from), error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_closed_case_cannot_be_triaged_again()
    {
        var referral = InStatus(ReferralStatus.Closed);

        var error = Assert.Throws<DomainRuleException>(() => referral.Triage("c", "w", SupportLevel.Basic, Now));

        Assert.Equal("Een aanmelding met status 'afgesloten' kun je niet triëren.", error.Message);
    }

    [Fact]
    public void Every_transition_records_who_and_when()
    {
        var referral = Draft();
        referral.Submit("mentor", Now.AddHours(1));
        referral.Triage("coordinator", "worker", SupportLevel.Basic, Now.AddHours(2));

        var steps = referral.Transitions.Select(t => (t.From, t.To, t.ById, t.At)).ToList();

        Assert.Equal(
        [
            (null, ReferralStatus.Draft, "mentor", Now),
            (ReferralStatus.Draft, ReferralStatus.Submitted, "mentor", Now.AddHours(1)),
            (ReferralStatus.Submitted, ReferralStatus.Triaged, "coordinator", Now.AddHours(2)),
        ], steps);
        Assert.Equal(Now.AddHours(1), referral.SubmittedAt);
        Assert.Equal(Now.AddHours(2), referral.TriagedAt);
    }

    [Fact]
    public void Triage_and_the_first_note_record_whole_minutes_since_submission_for_the_report_percentiles()
    {
        var referral = Draft();
        referral.Submit("mentor", Now);
        referral.Triage("coordinator", "worker", SupportLevel.Basic, Now.AddHours(26).AddSeconds(59));
        referral.AddNote("worker", Note(), Now.AddDays(3));
        referral.AddNote("worker", Note(), Now.AddDays(5));

        Assert.Equal(26 * 60, referral.MinutesToTriage);
        Assert.Equal(3 * 24 * 60, referral.MinutesToFirstAction);
    }

    [Fact]
    public void Triage_assigns_the_care_worker_and_support_level()
    {
        var referral = InStatus(ReferralStatus.Submitted);

        referral.Triage("coordinator", "worker-7", SupportLevel.Extra, Now);

        Assert.Equal(ReferralStatus.Triaged, referral.Status);
        Assert.Equal("worker-7", referral.AssignedCareWorkerId);
        Assert.Equal(SupportLevel.Extra, referral.SupportLevel);
    }

    [Fact]
    public void The_first_note_starts_the_case_and_records_the_first_action()
    {
        var referral = InStatus(ReferralStatus.Triaged);

        referral.AddNote("worker", Note(), Now.AddDays(3));

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(Now.AddDays(3), referral.FirstActionAt);
    }

    [Fact]
    public void A_first_action_item_also_starts_the_case()
    {
        var referral = InStatus(ReferralStatus.Triaged);

        referral.AddActionItem("worker", "mentor", "Rooster aanpassen", Today.AddDays(7), Now);

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
    }

    [Fact]
    public void A_draft_may_be_incomplete_but_is_not_submitted_so()
    {
        var referral = Referral.Draft(Builders.Pupil(Builders.TwoLocations().North), "mentor", Guid.NewGuid(),
            Complete with { Question = " ", AlreadyTried = null }, Now);

        var error = Assert.Throws<DomainRuleException>(() => referral.Submit("mentor", Now));

        Assert.Equal("Vul de hulpvraag in voordat je de aanmelding indient.", error.Message);
        Assert.Equal(ReferralStatus.Draft, referral.Status);
    }

    [Fact]
    public void Parents_cannot_have_been_informed_in_the_future()
    {
        Assert.Throws<DomainRuleException>(() => Referral.Draft(Builders.Pupil(Builders.TwoLocations().North), "m",
            Guid.NewGuid(), Complete with { ParentsInformedOn = Today.AddDays(1) }, Now));
    }

    [Fact]
    public void A_note_cannot_be_dated_in_the_future_and_needs_a_party()
    {
        var referral = InStatus(ReferralStatus.Triaged);

        Assert.Throws<DomainRuleException>(() => referral.AddNote("w", Note(date: Today.AddDays(1)), Now));
        Assert.Throws<DomainRuleException>(() => referral.AddNote("w", Note() with { With = ContactParties.None }, Now));
        Assert.Throws<DomainRuleException>(() => referral.AddNote("w", Note() with { Summary = "" }, Now));
    }

    [Fact]
    public void An_action_item_cannot_be_due_before_it_is_created()
    {
        var referral = InStatus(ReferralStatus.InProgress);

        var error = Assert.Throws<DomainRuleException>(() =>
            referral.AddActionItem("w", "m", "Bellen met ouders", Today.AddDays(-1), Now));

        Assert.Equal("De deadline kan niet voor vandaag liggen.", error.Message);
    }

    [Fact]
    public void Closing_needs_a_summary_and_records_the_outcome()
    {
        var referral = InStatus(ReferralStatus.InProgress);
        Assert.Throws<DomainRuleException>(() => referral.Close("w", CaseOutcome.GoalsReached, " ", Now));

        referral.Close("w", CaseOutcome.PartlyReached, "Deels bereikt.", Now.AddDays(30));

        Assert.Equal(ReferralStatus.Closed, referral.Status);
        Assert.Equal(CaseOutcome.PartlyReached, referral.Outcome);
        Assert.Equal(Now.AddDays(30), referral.EndedAt);
    }

    [Fact]
    public void Every_change_gives_a_new_version()
    {
        var referral = Draft();
        var versions = new HashSet<Guid> { referral.Version };

        referral.Submit("m", Now);
        versions.Add(referral.Version);
        referral.Triage("c", "w", SupportLevel.Basic, Now);
        versions.Add(referral.Version);

        Assert.Equal(3, versions.Count);
    }

    private static void Do(Referral referral, string step)
    {
        switch (step)
        {
            case "submit": referral.Submit("m", Now); break;
            case "triage": referral.Triage("c", "w", SupportLevel.Basic, Now); break;
            case "return": referral.ReturnToMentor("c", "Advies", Now); break;
            case "note": referral.AddNote("w", Note(), Now); break;
            case "item": referral.AddActionItem("w", "m", "Iets doen", Today, Now); break;
            case "close": referral.Close("w", CaseOutcome.GoalsReached, "Klaar", Now); break;
            case "referout": referral.ReferOut("w", "GGD", "Medisch", Now); break;
            case "reassign": referral.Reassign("w2", SupportLevel.Extra); break;
            case "edit": referral.Edit(Complete, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(step));
        }
    }
}
