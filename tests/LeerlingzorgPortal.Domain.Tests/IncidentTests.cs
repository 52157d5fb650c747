using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static IncidentDetails Details(DateTimeOffset? at = null) => new(at ?? Now.AddHours(-2), "Schoolplein",
        IncidentCategory.Bullying, IncidentSeverity.Medium, "Uitgescholden en geduwd in de pauze.", "Gesprek met betrokkenen", true, true);

    [Fact]
    public void Each_pupil_keeps_their_own_role()
    {
        var incident = Incident.Report(1, Details(), [(10, IncidentRole.Victim)], "mentor", Now);

        incident.Involve(11, IncidentRole.Perpetrator);
        incident.Involve(12, IncidentRole.Perpetrator);

        Assert.Equal(IncidentRole.Victim, incident.RoleOf(10));
        Assert.Equal(IncidentRole.Perpetrator, incident.RoleOf(11));
        Assert.Equal(IncidentRole.Perpetrator, incident.RoleOf(12));
    }

    [Fact]
    public void A_perpetrator_stays_perpetrator_when_a_victim_is_added_and_changing_one_role_changes_only_that_one()
    {
        var incident = Incident.Report(1, Details(), [(11, IncidentRole.Perpetrator)], "mentor", Now);

        incident.Involve(10, IncidentRole.Victim);
        incident.ChangeRole(10, IncidentRole.Witness);

        Assert.Equal(IncidentRole.Perpetrator, incident.RoleOf(11));
        Assert.Equal(IncidentRole.Witness, incident.RoleOf(10));
    }

    [Fact]
    public void An_incident_needs_pupils_each_once_and_cannot_lie_in_the_future()
    {
        Assert.Throws<DomainRuleException>(() => Incident.Report(1, Details(), [], "m", Now));
        Assert.Throws<DomainRuleException>(() => Incident.Report(1, Details(), [(10, IncidentRole.Victim), (10, IncidentRole.Witness)], "m", Now));
        var future = Assert.Throws<DomainRuleException>(() => Incident.Report(1, Details(Now.AddHours(1)), [(10, IncidentRole.Victim)], "m", Now));
        Assert.Equal("Een incident kan niet in de toekomst hebben plaatsgevonden.", future.Message);
    }

    [Fact]
    public void Feedback_is_overdue_after_the_expected_date_until_it_comes_or_the_referral_ends()
    {
        var referral = new ExternalReferral(1, 1, PartnerKind.Jeugdzorg, "Jeugdzorg Rijnstreek", Today.AddDays(-30), "Gedragsproblemen thuis",
            "Hulpvraag en verslag", "Ouders", Today.AddDays(-2), "c", Now);

        Assert.False(referral.IsFeedbackOverdueOn(Today.AddDays(-2)));
        Assert.True(referral.IsFeedbackOverdueOn(Today));

        referral.Update(ExternalReferralStatus.WaitingList, Today.AddDays(14), null, null, Now);
        Assert.False(referral.IsFeedbackOverdueOn(Today));
        referral.Update(ExternalReferralStatus.InCare, Today.AddDays(14), Today, "Intake gehad; start volgende week.", Now);
        Assert.False(referral.IsFeedbackOverdueOn(Today.AddDays(30)));
    }

    [Fact]
    public void Feedback_needs_a_date_between_sending_and_today_and_a_text()
    {
        var referral = new ExternalReferral(1, 1, PartnerKind.Ggd, "GGD", Today.AddDays(-5), "Reden", "Info", "Ouders", null, "c", Now);

        Assert.Throws<DomainRuleException>(() => referral.Update(ExternalReferralStatus.InCare, null, Today.AddDays(1), "x", Now));
        Assert.Throws<DomainRuleException>(() => referral.Update(ExternalReferralStatus.InCare, null, Today, " ", Now));
        Assert.Throws<DomainRuleException>(() => new ExternalReferral(1, 1, PartnerKind.Ggd, "GGD", Today.AddDays(1), "R", "I", "O", null, "c", Now));
    }
}

public sealed class MeldcodeTrackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static MeldcodeTrack Track() => MeldcodeTrack.Start(1, 1, 1, "coordinator", Now);

    private static IReadOnlyList<WeighingAnswer> AllAnswered =>
        Enumerable.Range(1, 5).Select(q => new WeighingAnswer(q, q is 1 or 3, $"Toelichting {q}")).ToList();

    [Fact]
    public void The_steps_go_in_order()
    {
        var track = Track();

        var error = Assert.Throws<DomainRuleException>(() => track.RecordConsultation(Today, "Overleg", false, false, "c", Now));
        Assert.Contains("op volgorde", error.Message, StringComparison.Ordinal);

        track.RecordSignal(Today.AddDays(-3), "Blauwe plekken op de arm", "c", Now);
        track.RecordSignal(Today.AddDays(-1), "Vertelt dat hij niet naar huis wil", "c", Now);
        Assert.Throws<DomainRuleException>(() => track.RecordConversation(Today, "Gesprek", null, "c", Now));
        track.RecordConsultation(Today, "Met collega en Veilig Thuis", true, true, "c", Now);
        track.RecordConversation(Today, null, "Gesprek met ouders brengt de leerling in gevaar", "c", Now);
        track.RecordWeighing(Today, AllAnswered, "c", Now);
        track.RecordDecision(Today, true, true, "VT-2026-0815", "Melden en hulp via wijkteam", "c", Now);

        Assert.Equal(5, track.ReachedStep);
    }

    [Fact]
    public void The_track_closes_only_after_the_decision_of_step_five()
    {
        var track = Track();
        track.RecordSignal(Today, "Signaal", "c", Now);

        Assert.Throws<DomainRuleException>(() => track.Close(Now));
        track.RecordConsultation(Today, "Overleg", false, false, "c", Now);
        track.RecordConversation(Today, "Gesprek gevoerd", null, "c", Now);
        track.RecordWeighing(Today, AllAnswered, "c", Now);
        track.RecordDecision(Today, true, false, null, "Hulp organiseren", "c", Now);
        track.Close(Now);

        Assert.True(track.IsClosed);
        Assert.Throws<DomainRuleException>(() => track.RecordSignal(Today, "Te laat", "c", Now));
    }

    [Fact]
    public void Step_five_needs_a_decision_and_a_reference_when_reported()
    {
        var track = Track();
        track.RecordSignal(Today, "Signaal", "c", Now);
        track.RecordConsultation(Today, "Overleg", false, false, "c", Now);
        track.RecordConversation(Today, "Gesprek", null, "c", Now);
        track.RecordWeighing(Today, AllAnswered, "c", Now);

        Assert.Throws<DomainRuleException>(() => track.RecordDecision(Today, false, false, null, "Niets", "c", Now));
        Assert.Throws<DomainRuleException>(() => track.RecordDecision(Today, false, true, " ", "Melden", "c", Now));
    }

    [Fact]
    public void Step_four_answers_every_question_of_the_afwegingskader()
    {
        var track = Track();
        track.RecordSignal(Today, "Signaal", "c", Now);
        track.RecordConsultation(Today, "Overleg", false, false, "c", Now);
        track.RecordConversation(Today, "Gesprek", null, "c", Now);

        var error = Assert.Throws<DomainRuleException>(() => track.RecordWeighing(Today, AllAnswered.Take(4).ToList(), "c", Now));
        Assert.Contains("vraag 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_three_records_the_conversation_or_why_it_was_skipped_not_both()
    {
        var track = Track();
        track.RecordSignal(Today, "Signaal", "c", Now);
        track.RecordConsultation(Today, "Overleg", false, false, "c", Now);

        Assert.Throws<DomainRuleException>(() => track.RecordConversation(Today, null, null, "c", Now));
        Assert.Throws<DomainRuleException>(() => track.RecordConversation(Today, "Gesprek", "Reden", "c", Now));
    }

    [Fact]
    public void Only_added_members_and_the_location_coordinator_see_the_track()
    {
        var track = Track();
        track.AddMember("worker", "coordinator", Now);

        Assert.True(Access.IncidentAccess.SeesMeldcodeTrack(new Access.StaffScope("worker", [Organisation.StaffRole.CareWorkerA], [9], []), track));
        Assert.True(Access.IncidentAccess.SeesMeldcodeTrack(new Access.StaffScope("other-coordinator", [Organisation.StaffRole.Coordinator], [1], []), track));
        Assert.False(Access.IncidentAccess.SeesMeldcodeTrack(new Access.StaffScope("other-worker", [Organisation.StaffRole.CareWorkerC], [1], []), track));
        Assert.False(Access.IncidentAccess.SeesMeldcodeTrack(new Access.StaffScope("leader", [Organisation.StaffRole.SchoolLeader], [1], []), track));
        Assert.Throws<DomainRuleException>(() => track.AddMember("worker", "coordinator", Now));
    }
}
