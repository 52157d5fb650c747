using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class MeetingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly MeetingDay = new(2026, 12, 3);
    private static readonly ExternalParticipant Ggd = new("Dr. Bos", PartnerKind.Ggd, "GGD Rijnstreek", "jeugdarts");
    private static readonly ExternalParticipant Truancy = new("Mw. Kok", PartnerKind.Leerplicht, "Gemeente", "leerplichtambtenaar");

    private static Meeting Zat(params ExternalParticipant[] externals) => Meeting.Plan(1, MeetingType.Zat,
        new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero), "chair", "minutes", ["mentor"], externals, Now)[0];

    private static PupilConsent Consent(bool byPupil, DateOnly? on = null, MeetingType[]? types = null, PartnerKind[]? partners = null) =>
        new(1, on ?? new DateOnly(2026, 11, 1), byPupil ? "De leerling" : "Moeder", byPupil, types ?? [MeetingType.Zat],
            partners ?? [PartnerKind.Ggd, PartnerKind.Leerplicht], "coordinator", Now);

    [Fact]
    public void Without_externals_no_consent_is_needed()
    {
        var check = MeetingConsent.Check(new DateOnly(2012, 1, 1), [], MeetingType.InternalCareMeeting, [], MeetingDay);

        Assert.True(check.Covered);
    }

    [Fact]
    public void Under_sixteen_the_parents_consent()
    {
        var born = new DateOnly(2012, 1, 1);

        Assert.True(MeetingConsent.Check(born, [Consent(byPupil: false)], MeetingType.Zat, [PartnerKind.Ggd], MeetingDay).Covered);
        Assert.False(MeetingConsent.Check(born, [Consent(byPupil: true)], MeetingType.Zat, [PartnerKind.Ggd], MeetingDay).Covered);
    }

    [Fact]
    public void From_sixteen_on_the_meeting_date_the_pupil_consents_themself()
    {
        var sixteenOnMeetingDay = MeetingDay.AddYears(-16);

        var parents = MeetingConsent.Check(sixteenOnMeetingDay, [Consent(byPupil: false)], MeetingType.Zat, [PartnerKind.Ggd], MeetingDay);
        var own = MeetingConsent.Check(sixteenOnMeetingDay, [Consent(byPupil: true)], MeetingType.Zat, [PartnerKind.Ggd], MeetingDay);
        var dayBefore = MeetingConsent.Check(sixteenOnMeetingDay.AddDays(1), [Consent(byPupil: false)], MeetingType.Zat, [PartnerKind.Ggd], MeetingDay);

        Assert.False(parents.Covered);
        Assert.Contains("16 of ouder", parents.Reason, StringComparison.Ordinal);
        Assert.True(own.Covered);
        Assert.True(dayBefore.Covered);
    }

    [Fact]
    public void Withdrawn_consent_no_longer_counts_from_the_day_it_was_withdrawn()
    {
        var consent = Consent(byPupil: false);
        consent.Withdraw(new DateOnly(2026, 11, 20), Now);

        Assert.False(MeetingConsent.Check(new DateOnly(2012, 1, 1), [consent], MeetingType.Zat, [PartnerKind.Ggd], MeetingDay).Covered);
        Assert.True(MeetingConsent.Check(new DateOnly(2012, 1, 1), [consent], MeetingType.Zat, [PartnerKind.Ggd], new DateOnly(2026, 11, 19)).Covered);
    }

    [Fact]
    public void Consent_covers_only_its_meeting_types_and_partners()
    {
        var born = new DateOnly(2012, 1, 1);
        var onlyGgd = Consent(byPupil: false, partners: [PartnerKind.Ggd]);

        Assert.False(MeetingConsent.Check(born, [onlyGgd], MeetingType.Zat, [PartnerKind.Ggd, PartnerKind.Politie], MeetingDay).Covered);
        Assert.False(MeetingConsent.Check(born, [onlyGgd], MeetingType.Mdo, [PartnerKind.Ggd], MeetingDay).Covered);
        Assert.False(MeetingConsent.Check(born, [Consent(byPupil: false)], MeetingType.Zat, [PartnerKind.Ggd], new DateOnly(2026, 10, 31)).Covered);
    }

    [Fact]
    public void A_pupil_without_consent_is_refused_on_a_zat_agenda_with_the_reason()
    {
        var meeting = Zat(Ggd, Truancy);
        var check = MeetingConsent.Check(new DateOnly(2012, 1, 1), [], meeting.Type, meeting.PartnerKinds, meeting.Date);

        var error = Assert.Throws<DomainRuleException>(() => meeting.AddToAgenda(10, 1, "Vraag", "chair", check));

        Assert.Contains("geen geldige toestemming van de ouders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pupil_is_on_an_agenda_once()
    {
        var meeting = Zat(Ggd);
        meeting.AddToAgenda(10, 1, "Vraag", "chair", ConsentCheck.Given);

        Assert.Throws<DomainRuleException>(() => meeting.AddToAgenda(11, 1, "Andere vraag", "chair", ConsentCheck.Given));
    }

    [Fact]
    public void Closed_minutes_are_read_only_and_corrections_are_dated_addenda()
    {
        var meeting = Zat(Ggd);
        var item = meeting.AddToAgenda(10, 1, "Vraag", "chair", ConsentCheck.Given);
        meeting.RecordMinutes(item, "Besproken", "Wijkteam inschakelen");
        Assert.Throws<DomainRuleException>(() => meeting.AddAddendum("Te vroeg", "chair", Now));

        meeting.Close(new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero));

        Assert.Throws<DomainRuleException>(() => meeting.RecordMinutes(item, "Anders", "Anders"));
        Assert.Throws<DomainRuleException>(() => meeting.AddToAgenda(11, 2, "Vraag", "chair", ConsentCheck.Given));
        var addendum = meeting.AddAddendum("Besluit aangevuld: ook GGD informeren.", "chair", new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), addendum.At);
        Assert.Equal("Wijkteam inschakelen", item.Decisions);
    }

    [Fact]
    public void A_meeting_is_planned_in_the_future_and_a_series_repeats_every_few_weeks()
    {
        Assert.Throws<DomainRuleException>(() => Meeting.Plan(1, MeetingType.Zat, Now.AddHours(-1), "c", null, [], [], Now));

        var series = Meeting.Plan(1, MeetingType.Zat, Now.AddDays(7), "c", null, [], [Ggd], Now, count: 3, everyWeeks: 6);

        Assert.Equal([Now.AddDays(7), Now.AddDays(49), Now.AddDays(91)], series.Select(m => m.StartsAt));
        Assert.Single(series.Select(m => m.SeriesId).Distinct());
        Assert.All(series, m => Assert.Single(m.Externals));
    }

    [Fact]
    public void Internal_meetings_have_no_externals()
    {
        Assert.Throws<DomainRuleException>(() => Meeting.Plan(1, MeetingType.InternalCareMeeting, Now.AddDays(1), "c", null, [], [Ggd], Now));
    }

    [Fact]
    public void An_external_participant_needs_an_organisation()
    {
        Assert.Throws<DomainRuleException>(() => new ExternalParticipant("Dr. Bos", PartnerKind.Ggd, " ", null));
    }

    [Fact]
    public void Suggestions_name_why_a_case_should_be_discussed()
    {
        Assert.Equal(["aangemerkt om te bespreken", "2 actiepunten te laat", "plan toe aan evaluatie"],
            AgendaSuggestions.ReasonsFor(true, 2, MeetingDay.AddDays(3), MeetingDay));
        Assert.Empty(AgendaSuggestions.ReasonsFor(false, 0, MeetingDay.AddDays(60), MeetingDay));
    }
}
