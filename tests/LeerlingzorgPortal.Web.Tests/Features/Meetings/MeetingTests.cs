using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Meetings;

/// <summary>Meetings through the real endpoints: consent, the clean external documents, roles, action items.</summary>
public abstract class MeetingTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_coordinator_plans_a_zat_with_externals_and_bad_input_gets_Dutch_messages()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var bad = await coordinator.PostFormAsync("/Meetings/Create", "/Meetings/Create",
        [
            new("Type", "Zat"), new("LocationId", Org.NorthId.ToString(CultureInfo.InvariantCulture)), new("Date", Iso(Today.AddDays(-1))),
            new("Time", "14:00"), new("ChairId", ""), new("Externals[0].Name", "Dr. Bos"), new("Externals[0].Kind", "Ggd"),
            new("Externals[0].Organisation", ""),
        ]);
        var html = await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Een overleg plan je in de toekomst.", html, StringComparison.Ordinal);
        Assert.Contains("Kies een voorzitter.", html, StringComparison.Ordinal);
        Assert.Contains("Vul de organisatie van de externe deelnemer in.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Dr. Bos\"", html, StringComparison.Ordinal);

        var id = await PlanZatAsync();
        Assert.Contains("Dr. Bos (GGD Rijnstreek", await coordinator.GetPageAsync($"/Meetings/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_without_consent_is_refused_on_a_zat_and_accepted_once_consent_is_recorded()
    {
        var meetingId = await PlanZatAsync();
        var referralId = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var refused = await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", referralId.ToString(CultureInfo.InvariantCulture)), new("Question", "Wat is nodig?")]);
        Assert.Contains("geen geldige toestemming van de ouders", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);

        var consent = await coordinator.PostFormAsync($"/Pupils/Details/{Org.Pupils["Bram"]}", $"/Consents/Record?pupilId={Org.Pupils["Bram"]}",
            [new("GivenOn", Iso(Today)), new("GivenBy", "Vader"), new("MeetingTypes", "Zat"), new("Partners", "Ggd"), new("Partners", "Leerplicht")]);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var added = await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", referralId.ToString(CultureInfo.InvariantCulture)), new("Question", "Wat is nodig?")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var duplicate = await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", referralId.ToString(CultureInfo.InvariantCulture))]);
        Assert.Contains("Deze leerling staat al op de agenda van dit overleg.",
            await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_external_agenda_and_minutes_leak_nothing_they_should_not()
    {
        var meetingId = await PlanZatAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var annaCase = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth,
            (r, now) => r.AddNote(r.AssignedCareWorkerId!, new NoteDetails(DateOnly.FromDateTime(now.UtcDateTime), ContactParties.Parents,
                "Vertrouwelijk verhaal over thuis", "Geheime afspraak", true), now));
        var carmenCase = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var annaConsent = await ConsentAsync("Anna");
        await ConsentAsync("Carmen");
        foreach (var (caseId, question) in new[] { (annaCase, "Vraag over Anna"), (carmenCase, "Vraag over Carmen") })
        {
            await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
                [new("ReferralId", caseId.ToString(CultureInfo.InvariantCulture)), new("Question", question)]);
        }

        var items = await Fixture.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).ToListAsync());
        foreach (var item in items)
        {
            await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/RecordMinutes/{meetingId}",
                [new("ItemId", item.Id.ToString(CultureInfo.InvariantCulture)), new("Discussion", "Interne bespreking met details"),
                 new("Decisions", $"Besluit {item.PupilId}"), new("MinutesToken", item.MinutesToken)]);
        }

        // Carmen's consent is withdrawn after she was put on the agenda: she drops out of the external version.
        foreach (var consentId in await OpenConsentsAsync("Carmen"))
        {
            var withdrawn = await coordinator.PostFormAsync($"/Pupils/Details/{Org.Pupils["Carmen"]}", $"/Consents/Withdraw/{consentId}", []);
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        var agenda = await coordinator.GetPageAsync($"/Meetings/Agenda/{meetingId}?external=true");
        var minutes = await coordinator.GetPageAsync($"/Meetings/Minutes/{meetingId}?external=true");
        var internalMinutes = await coordinator.GetPageAsync($"/Meetings/Minutes/{meetingId}");

        foreach (var html in new[] { agenda, minutes })
        {
            Assert.Contains("Anna de Jong", html, StringComparison.Ordinal);
            PageText.DoesNotShowName("Carmen", html);
            Assert.DoesNotContain("Vertrouwelijk verhaal", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Geheime afspraak", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Interne bespreking", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Hulpvraag over", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Zorg Noord", html, StringComparison.Ordinal);
        }

        Assert.Contains($"Besluit {Org.Pupils["Anna"]}", minutes, StringComparison.Ordinal);
        Assert.Contains("Interne bespreking", internalMinutes, StringComparison.Ordinal);
        Assert.Contains("Carmen van Dijk", internalMinutes, StringComparison.Ordinal);
        _ = annaConsent;
    }

    [Fact]
    public async Task An_action_item_from_the_minutes_reaches_the_case_and_the_owners_home_page()
    {
        var meetingId = await PlanZatAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var caseId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        await ConsentAsync("Anna");
        await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", caseId.ToString(CultureInfo.InvariantCulture))]);
        var itemId = await Fixture.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).Select(a => a.Id).SingleAsync());

        var response = await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddActionItem/{meetingId}",
        [
            new("ItemId", itemId.ToString(CultureInfo.InvariantCulture)), new("Description", "Ouders uitnodigen na het ZAT"),
            new("OwnerId", Org.UserIds[TestOrganisation.MentorA]), new("DueDate", Iso(Today.AddDays(7))),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await Fixture.QueryAsync(db => db.ActionItems.AnyAsync(i => i.ReferralId == caseId && i.AgendaItemId == itemId)));
        var home = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync("/");
        Assert.Contains("Ouders uitnodigen na het ZAT", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_minutes_are_read_only_and_take_dated_addenda()
    {
        var meetingId = await PlanZatAsync(daysAhead: 0, hoursAhead: 1);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var caseId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        await ConsentAsync("Anna");
        await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", caseId.ToString(CultureInfo.InvariantCulture))]);
        var itemId = await Fixture.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).Select(a => a.Id).SingleAsync());

        var early = await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/Close/{meetingId}", []);
        Assert.Contains("Een overleg dat nog niet begonnen is, kun je niet sluiten.",
            await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            using var later = await Fixture.SignInAsync(TestOrganisation.CoordinatorNorth);
            var closed = await later.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/Close/{meetingId}", []);
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            var edit = await later.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/RecordMinutes/{meetingId}",
                [new("ItemId", itemId.ToString(CultureInfo.InvariantCulture)), new("Decisions", "Achteraf veranderd")]);
            Assert.Contains("Een gesloten overleg kan niet nog notulen krijgen; voeg een aanvulling toe.",
                await edit.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var addendum = await later.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddAddendum/{meetingId}",
                [new("Text", "Correctie: ook de GGD informeren.")]);
            Assert.Equal(HttpStatusCode.Redirect, addendum.StatusCode);
            Assert.Contains("Correctie: ook de GGD informeren.", await later.GetPageAsync($"/Meetings/Details/{meetingId}"), StringComparison.Ordinal);
        }
        finally
        {
            Fixture.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Fact]
    public async Task Participants_see_the_meeting_but_only_items_of_pupils_they_may_read()
    {
        var meetingId = await PlanZatAsync(participants: [TestOrganisation.MentorA]);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        foreach (var pupil in new[] { "Anna", "Carmen" })
        {
            var caseId = await Fixture.SeedReferralAsync(pupil, pupil == "Anna" ? TestOrganisation.MentorA : TestOrganisation.MentorB,
                ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
            await ConsentAsync(pupil);
            await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
                [new("ReferralId", caseId.ToString(CultureInfo.InvariantCulture))]);
        }

        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var html = await mentor.GetPageAsync($"/Meetings/Details/{meetingId}");

        Assert.Contains("Anna de Jong", html, StringComparison.Ordinal);
        PageText.DoesNotShowName("Carmen", html);
        Assert.DoesNotContain("Overleg sluiten", html, StringComparison.Ordinal);
        var close = await mentor.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/Close/{meetingId}", []);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
    }

    public static TheoryData<string> Outsiders => new()
    {
        TestOrganisation.MentorB, TestOrganisation.CareWorkerSouth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Outsiders_get_404_on_every_meeting_endpoint(string email)
    {
        var meetingId = await PlanZatAsync();
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { $"/Meetings/Details/{meetingId}", $"/Meetings/Agenda/{meetingId}", $"/Meetings/Agenda/{meetingId}?external=true",
                     $"/Meetings/Minutes/{meetingId}", $"/Meetings/Minutes/{meetingId}?external=true" })
        {
            await client.GetPageAsync(url, HttpStatusCode.NotFound);
        }

        foreach (var action in new[] { "AddItem", "RemoveItem", "RecordMinutes", "AddActionItem", "Close", "AddAddendum" })
        {
            var response = await client.PostFormAsync("/", $"/Meetings/{action}/{meetingId}",
            [
                new("ReferralId", "1"), new("ItemId", "1"), new("itemId", "1"), new("Decisions", "x"), new("Description", "x"),
                new("OwnerId", Org.UserIds[TestOrganisation.MentorA]), new("DueDate", Iso(Today)), new("Text", "x"),
            ]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} {action}: {response.StatusCode}");
        }

        var consent = await client.PostFormAsync("/", $"/Consents/Record?pupilId={Org.Pupils["Anna"]}",
            [new("GivenOn", Iso(Today)), new("GivenBy", "x"), new("MeetingTypes", "Zat"), new("Partners", "Ggd")]);
        Assert.Equal(HttpStatusCode.NotFound, consent.StatusCode);
    }

    [Fact]
    public async Task Meeting_items_and_consent_appear_on_the_pupils_timeline()
    {
        var meetingId = await PlanZatAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var caseId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        await ConsentAsync("Anna");
        await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", caseId.ToString(CultureInfo.InvariantCulture)), new("Question", "Tijdlijnvraag")]);

        var timeline = await coordinator.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}?kind=Meeting");

        Assert.Contains("Besproken in ZAT", timeline, StringComparison.Ordinal);
        Assert.Contains("Tijdlijnvraag", timeline, StringComparison.Ordinal);
        Assert.Contains("Toestemming voor bespreking met externen", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_form_offers_active_agencies_and_a_participant_from_a_known_agency_links_to_the_sociale_kaart()
    {
        var (activeId, _) = await SeedAgenciesAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var form = await coordinator.GetPageAsync("/Meetings/Create");
        Assert.Contains("list=\"agency-names\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Jeugdteam Kompas\"></option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Oud Jeugdteam Zonnebloem", form, StringComparison.Ordinal);

        // A typed name that is not on the sociale kaart still needs its kind.
        var start = Today.AddDays(7);
        List<KeyValuePair<string, string>> Fields(string organisation) =>
        [
            new("Type", "Zat"), new("LocationId", Org.NorthId.ToString(CultureInfo.InvariantCulture)), new("Date", Iso(start)),
            new("Time", "14:00"), new("ChairId", Org.UserIds[TestOrganisation.CoordinatorNorth]),
            new("Externals[0].Name", "Mw. Veld"), new("Externals[0].Kind", ""), new("Externals[0].Organisation", organisation),
            new("Externals[1].Name", "Dr. Bos"), new("Externals[1].Kind", "Ggd"), new("Externals[1].Organisation", "GGD Elders"),
        ];
        var unknown = await coordinator.PostFormAsync("/Meetings/Create", "/Meetings/Create", Fields("Jeugdteam Elders"));
        Assert.Contains("Kies het soort organisatie.", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);

        // Picked from the list (spelled as on the sociale kaart) with the kind left open: it takes the agency's kind.
        var planned = await coordinator.PostFormAsync("/Meetings/Create", "/Meetings/Create", Fields("Jeugdteam Kompas"));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var meetingId = int.Parse(planned.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var kinds = await Fixture.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Externals)
            .OrderBy(e => e.Name).Select(e => e.Kind).ToListAsync());
        Assert.Equal([PartnerKind.Ggd, PartnerKind.Wijkteam], kinds);

        var details = await coordinator.GetPageAsync($"/Meetings/Details/{meetingId}");
        Assert.Contains($"<a data-testid=\"external-agency\" href=\"/Agencies/Details/{activeId}\">Jeugdteam Kompas</a>", details,
            StringComparison.Ordinal);
        Assert.Contains("Dr. Bos (GGD Elders, ", details, StringComparison.Ordinal);
    }

    private Task<(int Active, int Inactive)> SeedAgenciesAsync() => Fixture.QueryAsync(async db =>
    {
        var active = await db.ExternalOrganisations.SingleOrDefaultAsync(o => o.Name == "Jeugdteam Kompas");
        var inactive = await db.ExternalOrganisations.SingleOrDefaultAsync(o => o.Name == "Oud Jeugdteam Zonnebloem");
        if (active is null || inactive is null)
        {
            active = new ExternalOrganisation("Jeugdteam Kompas", PartnerKind.Wijkteam);
            inactive = new ExternalOrganisation("Oud Jeugdteam Zonnebloem", PartnerKind.Wijkteam);
            inactive.SetActive(false);
            db.ExternalOrganisations.AddRange(active, inactive);
            await db.SaveChangesAsync();
        }

        return (active.Id, inactive.Id);
    });

    private async Task<int> PlanZatAsync(int daysAhead = 7, int hoursAhead = 0, string[]? participants = null)
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var start = Fixture.Clock.GetUtcNow().AddDays(daysAhead).AddHours(hoursAhead);
        var form = new List<KeyValuePair<string, string>>
        {
            new("Type", "Zat"), new("LocationId", Org.NorthId.ToString(CultureInfo.InvariantCulture)),
            new("Date", Iso(DateOnly.FromDateTime(start.UtcDateTime))), new("Time", start.ToString("HH:mm", CultureInfo.InvariantCulture)),
            new("ChairId", Org.UserIds[TestOrganisation.CoordinatorNorth]),
            new("Externals[0].Name", "Dr. Bos"), new("Externals[0].Kind", "Ggd"), new("Externals[0].Organisation", "GGD Rijnstreek"),
            new("Externals[1].Name", "Mw. Kok"), new("Externals[1].Kind", "Leerplicht"), new("Externals[1].Organisation", "Gemeente"),
        };
        form.AddRange((participants ?? []).Select(p => new KeyValuePair<string, string>("StaffIds", Org.UserIds[p])));
        var response = await coordinator.PostFormAsync("/Meetings/Create", "/Meetings/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private async Task<int> ConsentAsync(string pupil)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var consent = new PupilConsent(Org.Pupils[pupil], Today, "Ouders", false, [MeetingType.Zat, MeetingType.Mdo],
            [PartnerKind.Ggd, PartnerKind.Leerplicht], Org.UserIds[TestOrganisation.CoordinatorNorth], Fixture.Clock.GetUtcNow());
        db.PupilConsents.Add(consent);
        await db.SaveChangesAsync();
        return consent.Id;
    }

    private Task<List<int>> OpenConsentsAsync(string pupil)
    {
        var pupilId = Org.Pupils[pupil];
        return Fixture.QueryAsync(db => db.PupilConsents.Where(c => c.PupilId == pupilId && c.WithdrawnOn == null).Select(c => c.Id).ToListAsync());
    }
}

public sealed class MeetingTests_Sqlite(SqlitePortalFixture fixture) : MeetingTests<SqlitePortalFixture>(fixture);

public sealed class MeetingTests_PostgreSql(PostgreSqlPortalFixture fixture) : MeetingTests<PostgreSqlPortalFixture>(fixture);

public sealed class MeetingTests_SqlServer(SqlServerPortalFixture fixture) : MeetingTests<SqlServerPortalFixture>(fixture);
