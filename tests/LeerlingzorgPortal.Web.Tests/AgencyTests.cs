using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests;

/// <summary>
/// The sociale kaart (it replaced the admin's list "Instanties"): everyone reads and searches it,
/// coordinators and care workers b and c keep it, and external referrals pick their agency from it.
/// </summary>
public abstract class AgencyTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    public static TheoryData<string> Everyone => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerSouth, TestOrganisation.CareWorkerC,
        TestOrganisation.CoordinatorNorth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    public static TheoryData<string> Maintainers => new()
    {
        TestOrganisation.CoordinatorNorth, TestOrganisation.CareWorkerSouth, TestOrganisation.CareWorkerC,
    };

    public static TheoryData<string> Readers => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Every_member_of_staff_searches_the_sociale_kaart_and_reads_an_agency(string email)
    {
        var id = await SeedAgencyAsync("Jeugdpsycholoog De Brug", PartnerKind.Other, "Noord", "Behandeling van angst en depressie");
        var client = await Fixture.ClientForAsync(email);

        var found = await client.GetPageAsync("/Agencies?search=ANGST");
        var details = await client.GetPageAsync($"/Agencies/Details/{Key(id)}");

        Assert.Contains("Jeugdpsycholoog De Brug", found, StringComparison.Ordinal);
        Assert.Contains("Verwijzing via de huisarts; wachttijd ongeveer zes weken.", details, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.example.org/aanmelden\" rel=\"noopener noreferrer nofollow\"", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_on_kind_and_region()
    {
        await SeedAgencyAsync("Wijkteam Alfen-Oost", PartnerKind.Wijkteam, "Alfen", "Gezinsondersteuning");
        await SeedAgencyAsync("GGD Alfen", PartnerKind.Ggd, "Alfen", "Jeugdarts");
        await SeedAgencyAsync("Wijkteam Bodegraven", PartnerKind.Wijkteam, "Bodegraven", "Gezinsondersteuning");
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var html = await client.GetPageAsync("/Agencies?kind=Wijkteam&region=Alfen");

        Assert.Contains("Wijkteam Alfen-Oost", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GGD Alfen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Wijkteam Bodegraven", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Mentors_care_workers_a_school_leaders_and_admins_may_not_keep_the_sociale_kaart(string email)
    {
        var id = await SeedAgencyAsync("Leerplicht Alfen", PartnerKind.Leerplicht, "Alfen", "Verzuim");
        var client = await Fixture.ClientForAsync(email);

        var create = await client.GetAsync(new Uri("/Agencies/Create", UriKind.Relative), TestContext.Current.CancellationToken);
        var edit = await client.GetAsync(new Uri($"/Agencies/Edit/{Key(id)}", UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await client.PostFormAsync("/", "/Agencies/Create", [new("Name", "Indringer"), new("Kind", "Other")]);
        var deactivate = await client.PostFormAsync("/", $"/Agencies/SetActive/{Key(id)}", [new("active", "false")]);

        Assert.All([create, edit, post, deactivate],
            r => Assert.StartsWith("/Account/AccessDenied", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal));
        Assert.False(await Fixture.QueryAsync(db => db.ExternalOrganisations.AnyAsync(o => o.Name == "Indringer")));
        Assert.True(await Fixture.QueryAsync(db => db.ExternalOrganisations.Where(o => o.Id == id).Select(o => o.IsActive).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Maintainers))]
    public async Task Coordinators_and_care_workers_b_and_c_add_describe_and_take_an_agency_out_of_use(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var name = $"Wijkteam {Guid.NewGuid():N}"[..17];
        var referralId = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var casePage = $"/Referrals/Details/{Key(referralId)}";

        var created = await client.PostFormAsync("/Agencies/Create", "/Agencies/Create",
            [new("Name", name), new("Kind", "Wijkteam"), new("Region", "Noord"), new("Offer", "Opvoedondersteuning")]);
        var id = await Fixture.QueryAsync(db => db.ExternalOrganisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        var offered = await worker.GetPageAsync(casePage);
        await client.PostFormAsync($"/Agencies/Edit/{Key(id)}", $"/Agencies/Edit/{Key(id)}",
            [new("Name", name), new("Kind", "Wijkteam"), new("HowToRefer", "Bel het algemene nummer."), new("Website", "https://wijkteam.example")]);
        await client.PostFormAsync($"/Agencies/Details/{Key(id)}", $"/Agencies/SetActive/{Key(id)}", [new("active", "false")]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"<option value=\"{Key(id)}\">{name} (Wijkteam)</option>", offered, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await worker.GetPageAsync(casePage), StringComparison.Ordinal);
        var saved = await Fixture.QueryAsync(db => db.ExternalOrganisations.SingleAsync(o => o.Id == id));
        Assert.Equal("Bel het algemene nummer.", saved.HowToRefer);
        Assert.Equal("https://wijkteam.example", saved.Website);
        Assert.Null(saved.Region);
        Assert.False(saved.IsActive);
    }

    [Theory]
    [InlineData("", "Wijkteam", "", "", "Vul de naam van de instantie in.")]
    [InlineData("Zonder soort", "", "", "", "Kies het soort instantie.")]
    [InlineData("GGD Bestaand", "Ggd", "", "", "Deze instantie staat al op de sociale kaart.")]
    [InlineData("Nieuw", "Ggd", "javascript:alert(1)", "", "De website moet beginnen met https:// of http://.")]
    [InlineData("Nieuw", "Ggd", "", "geen-adres", "Vul een geldig e-mailadres in.")]
    [InlineData("Nieuw", "Onzin", "", "", "Deze waarde is ongeldig.")]
    public async Task Bad_input_gets_a_Dutch_message_and_saves_nothing(string name, string kind, string website, string email, string message)
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        await Fixture.OnceAsync("existing", () => SeedAgencyAsync("GGD Bestaand", PartnerKind.Ggd, null, null));

        var response = await coordinator.PostFormAsync("/Agencies/Create", "/Agencies/Create",
            [new("Name", name), new("Kind", kind), new("Website", website), new("Email", email)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ExternalOrganisations.CountAsync(o => o.Name == "GGD Bestaand")));
        Assert.False(await Fixture.QueryAsync(db => db.ExternalOrganisations.AnyAsync(o => o.Name == "Nieuw" || o.Name == "Zonder soort")));
    }

    [Fact]
    public async Task An_external_referral_picks_its_agency_from_the_sociale_kaart_and_links_to_it()
    {
        var id = await SeedAgencyAsync("Jeugdzorg Alfen", PartnerKind.Jeugdzorg, "Alfen", "Ambulante jeugdhulp");
        var referralId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var casePage = $"/Referrals/Details/{Key(referralId)}";

        var response = await worker.PostFormAsync(casePage, $"/CareCases/AddExternalReferral/{Key(referralId)}",
        [
            new("OrganisationId", Key(id)), new("AgencyKind", "Other"), new("AgencyName", ""), new("SentOn", "2026-11-20"),
            new("Reason", "Aanhoudende angstklachten"), new("SharedInformation", "Hulpvraag en verloop"), new("ConsentBy", "Ouders"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var external = await Fixture.QueryAsync(db => db.ExternalReferrals.SingleAsync(e => e.ReferralId == referralId));
        Assert.Equal(id, external.OrganisationId);
        Assert.Equal("Jeugdzorg Alfen", external.AgencyName);
        Assert.Equal(PartnerKind.Jeugdzorg, external.AgencyKind);
        Assert.Contains($"<a href=\"/Agencies/Details/{Key(id)}\">Jeugdzorg Alfen</a>", await worker.GetPageAsync(casePage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_referral_to_an_agency_not_on_the_sociale_kaart_can_still_be_typed_but_an_unknown_id_is_refused()
    {
        var referralId = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var casePage = $"/Referrals/Details/{Key(referralId)}";
        List<KeyValuePair<string, string>> Form(string organisationId) =>
        [
            new("OrganisationId", organisationId), new("AgencyKind", "Other"), new("AgencyName", "Praktijk Zonnebloem"), new("SentOn", "2026-11-20"),
            new("Reason", "Reden"), new("SharedInformation", "Hulpvraag"), new("ConsentBy", "Ouders"),
        ];

        var refused = await worker.PostFormAsync(casePage, $"/CareCases/AddExternalReferral/{Key(referralId)}", Form("987654"));
        var typed = await worker.PostFormAsync(casePage, $"/CareCases/AddExternalReferral/{Key(referralId)}", Form(""));

        Assert.Contains("Kies een instantie die op de sociale kaart staat.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        var external = await Fixture.QueryAsync(db => db.ExternalReferrals.SingleAsync(e => e.ReferralId == referralId));
        Assert.Equal("Praktijk Zonnebloem", external.AgencyName);
        Assert.Null(external.OrganisationId);
    }

    [Fact]
    public async Task An_edit_based_on_an_outdated_version_is_refused_and_the_colleagues_edit_stays()
    {
        var id = await SeedAgencyAsync("Wijkteam Gelijktijdig", PartnerKind.Wijkteam, null, null);
        var seen = await Fixture.QueryAsync(db => db.ExternalOrganisations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var levelC = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var first = await coordinator.PostFormAsync($"/Agencies/Edit/{Key(id)}", $"/Agencies/Edit/{Key(id)}",
            [new("Name", "Wijkteam Gelijktijdig"), new("Kind", "Wijkteam"), new("Phone", "0172-111111"), new("Version", seen.ToString())]);
        var late = await levelC.PostFormAsync($"/Agencies/Edit/{Key(id)}", $"/Agencies/Edit/{Key(id)}",
            [new("Name", "Wijkteam Gelijktijdig"), new("Kind", "Wijkteam"), new("Phone", "0172-999999"), new("Version", seen.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains(Web.Features.Agencies.AgencyWork.ConflictMessage,
            await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("0172-111111", await Fixture.QueryAsync(db => db.ExternalOrganisations.Where(o => o.Id == id).Select(o => o.Phone).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_agency_answers_404()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var details = await coordinator.GetAsync(new Uri("/Agencies/Details/987654", UriKind.Relative), TestContext.Current.CancellationToken);
        var edit = await coordinator.GetAsync(new Uri("/Agencies/Edit/987654", UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await coordinator.PostFormAsync("/Agencies", "/Agencies/Edit/987654", [new("Name", "X"), new("Kind", "Ggd")]);
        var deactivate = await coordinator.PostFormAsync("/Agencies", "/Agencies/SetActive/987654", [new("active", "false")]);

        Assert.All([details, edit, post, deactivate], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task The_old_address_of_the_admin_list_leads_to_the_sociale_kaart()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.GetAsync(new Uri("/Admin/ExternalOrganisations", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/Agencies", response.Headers.Location!.OriginalString);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> SeedAgencyAsync(string name, PartnerKind kind, string? region, string? offer)
    {
        var unique = await Fixture.QueryAsync(db => db.ExternalOrganisations.AnyAsync(o => o.Name == name)) ? $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)] : name;
        return await Fixture.QueryAsync(async db =>
        {
            var agency = new ExternalOrganisation(unique, kind);
            agency.Describe(new AgencyDetails(region, "Mw. De Wit", "0172-123456", "aanmelden@example.org", "https://www.example.org/aanmelden",
                "Stationsplein 1, Alfen", offer, "Verwijzing via de huisarts; wachttijd ongeveer zes weken."));
            db.ExternalOrganisations.Add(agency);
            await db.SaveChangesAsync();
            return agency.Id;
        });
    }
}

public sealed class AgencyTests_Sqlite(SqlitePortalFixture fixture) : AgencyTests<SqlitePortalFixture>(fixture);

public sealed class AgencyTests_PostgreSql(PostgreSqlPortalFixture fixture) : AgencyTests<PostgreSqlPortalFixture>(fixture);

public sealed class AgencyTests_SqlServer(SqlServerPortalFixture fixture) : AgencyTests<SqlServerPortalFixture>(fixture);
