using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Offering;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class OfferingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static InterventionDetails Details(int capacity = 2, string name = "Faalangstreductietraining") =>
        new(name, "Acht bijeenkomsten over omgaan met spanning bij toetsen.", "Leerjaar 1 en 2", "Mw. Jansen (zorgmedewerker)",
            SupportLevel.Basic, capacity, "Ronde 1: oktober–december");

    /// <summary>Gives each new enrolment an id, as EF would on save.</summary>
    private static Enrolment Saved(Enrolment enrolment, int id)
    {
        Builders.SetId(enrolment, id);
        return enrolment;
    }

    [Fact]
    public void Pupils_are_enrolled_until_the_intervention_is_full()
    {
        var training = new Intervention(Details(capacity: 2));

        training.Enrol(1, 10, Today, "w", Now);
        training.Enrol(2, null, Today, "w", Now);

        Assert.Equal(2, training.ParticipantCount);
        Assert.Equal(0, training.FreePlaces);
        Assert.True(training.IsFull);
    }

    [Fact]
    public void A_full_intervention_refuses_an_enrolment_with_a_Dutch_message_offering_the_waiting_list()
    {
        var training = new Intervention(Details(capacity: 1));
        training.Enrol(1, null, Today, "w", Now);

        var refused = Assert.Throws<DomainRuleException>(() => training.Enrol(2, null, Today, "w", Now));

        Assert.Equal("Faalangstreductietraining is vol (1 van 1 plaatsen bezet). Zet de leerling op de wachtlijst.", refused.Message);
        Assert.Single(training.Enrolments);
    }

    [Fact]
    public void The_waiting_list_is_first_come_first_served()
    {
        var training = new Intervention(Details(capacity: 1));
        training.Enrol(1, null, Today, "w", Now);
        training.PutOnWaitingList(3, null, "w", Now.AddHours(2));
        training.PutOnWaitingList(2, null, "w", Now.AddHours(1));

        Assert.Equal([2, 3], training.WaitingList.Select(e => e.PupilId));
    }

    [Fact]
    public void A_waiting_pupil_is_admitted_only_when_a_place_is_free()
    {
        var training = new Intervention(Details(capacity: 1));
        var first = Saved(training.Enrol(1, null, Today, "w", Now), 1);
        var waiting = Saved(training.PutOnWaitingList(2, null, "w", Now), 2);

        Assert.Throws<DomainRuleException>(() => training.Admit(waiting.Id, Today, Now));
        training.Finish(first.Id, Today.AddDays(30), "Doelen behaald");
        training.Admit(waiting.Id, Today.AddDays(31), Now.AddDays(30));

        Assert.Equal(EnrolmentStatus.Participating, waiting.Status);
        Assert.Equal(Now.AddDays(30), waiting.AdmittedAt);
        Assert.Equal(Today.AddDays(31), waiting.StartOn);
        Assert.Empty(training.WaitingList);
    }

    [Fact]
    public void Finishing_records_the_outcome_and_frees_a_place()
    {
        var training = new Intervention(Details(capacity: 1));
        var enrolment = Saved(training.Enrol(1, null, Today, "w", Now), 1);

        training.Finish(enrolment.Id, Today.AddDays(40), "Minder spanning bij toetsen");

        Assert.Equal(EnrolmentStatus.Finished, enrolment.Status);
        Assert.Equal("Minder spanning bij toetsen", enrolment.Outcome);
        Assert.Equal(Today.AddDays(40), enrolment.EndOn);
        Assert.Equal(1, training.FreePlaces);
    }

    [Fact]
    public void Withdrawing_frees_a_place_and_takes_a_pupil_off_the_waiting_list()
    {
        var training = new Intervention(Details(capacity: 1));
        var participant = Saved(training.Enrol(1, null, Today, "w", Now), 1);
        var waiting = Saved(training.PutOnWaitingList(2, null, "w", Now), 2);

        training.Withdraw(participant.Id, Today.AddDays(3), "Verhuisd");
        training.Withdraw(waiting.Id, Today.AddDays(3), null);

        Assert.Equal(EnrolmentStatus.Withdrawn, participant.Status);
        Assert.Equal("Verhuisd", participant.Outcome);
        Assert.False(training.IsFull);
        Assert.Empty(training.WaitingList);
    }

    [Fact]
    public void A_pupil_cannot_be_enrolled_twice_while_enrolled_or_waiting()
    {
        var training = new Intervention(Details(capacity: 1));
        training.Enrol(1, null, Today, "w", Now);
        training.PutOnWaitingList(2, null, "w", Now);

        Assert.Throws<DomainRuleException>(() => training.PutOnWaitingList(1, null, "w", Now));
        Assert.Throws<DomainRuleException>(() => training.PutOnWaitingList(2, null, "w", Now));
    }

    [Fact]
    public void A_pupil_who_finished_can_be_enrolled_for_a_next_round()
    {
        var training = new Intervention(Details(capacity: 1));
        var first = Saved(training.Enrol(1, null, Today, "w", Now), 1);
        training.Finish(first.Id, Today.AddDays(10), "Afgerond");

        training.Enrol(1, null, Today.AddDays(60), "w", Now.AddDays(60));

        Assert.Equal(1, training.ParticipantCount);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var training = new Intervention(Details());
        var enrolment = Saved(training.Enrol(1, null, Today, "w", Now), 1);

        Assert.Throws<DomainRuleException>(() => training.Finish(enrolment.Id, Today.AddDays(-1), "Te vroeg"));
        Assert.Throws<DomainRuleException>(() => training.Withdraw(enrolment.Id, Today.AddDays(-1), null));
        Assert.Equal(EnrolmentStatus.Participating, enrolment.Status);
    }

    [Fact]
    public void Only_a_running_participation_can_be_finished()
    {
        var training = new Intervention(Details());
        var waiting = Saved(training.PutOnWaitingList(1, null, "w", Now), 1);

        Assert.Throws<DomainRuleException>(() => training.Finish(waiting.Id, Today, "Klaar"));
    }

    [Fact]
    public void The_capacity_cannot_drop_below_the_current_participants()
    {
        var training = new Intervention(Details(capacity: 3));
        training.Enrol(1, null, Today, "w", Now);
        training.Enrol(2, null, Today, "w", Now);

        var refused = Assert.Throws<DomainRuleException>(() => training.Update(Details(capacity: 1)));
        training.Update(Details(capacity: 2));

        Assert.Contains("(2)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, training.Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void The_capacity_lies_between_1_and_500(int capacity) =>
        Assert.Throws<DomainRuleException>(() => new Intervention(Details(capacity)));

    [Fact]
    public void An_inactive_intervention_refuses_enrolments_and_the_waiting_list()
    {
        var training = new Intervention(Details());
        training.SetActive(false);

        Assert.Throws<DomainRuleException>(() => training.Enrol(1, null, Today, "w", Now));
        Assert.Throws<DomainRuleException>(() => training.PutOnWaitingList(1, null, "w", Now));
    }

    [Fact]
    public void Every_enrolment_change_renews_the_version()
    {
        var training = new Intervention(Details());
        var before = training.Version;

        training.Enrol(1, null, Today, "w", Now);

        Assert.NotEqual(before, training.Version);
    }

    [Fact]
    public void An_enrolment_of_another_intervention_is_refused()
    {
        var training = new Intervention(Details());

        Assert.Throws<DomainRuleException>(() => training.Admit(42, Today, Now));
    }

    [Theory]
    [InlineData("https://www.wijkteam.example")]
    [InlineData("http://ggd.example/jeugd")]
    public void An_agency_website_is_an_http_or_https_address(string website)
    {
        var agency = new ExternalOrganisation("Wijkteam Noord", PartnerKind.Wijkteam);

        agency.Describe(new AgencyDetails("Noord", null, null, null, website, null, null, null));

        Assert.Equal(website, agency.Website);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.wijkteam.example")]
    [InlineData("ftp://wijkteam.example")]
    public void Any_other_website_is_refused(string website)
    {
        var agency = new ExternalOrganisation("Wijkteam Noord", PartnerKind.Wijkteam);

        var refused = Assert.Throws<DomainRuleException>(() =>
            agency.Describe(new AgencyDetails(null, null, null, null, website, null, null, null)));

        Assert.Equal("De website moet beginnen met https:// of http://.", refused.Message);
    }
}
