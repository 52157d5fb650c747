using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Interventions;

/// <summary>
/// The care offering (zorgaanbod): everyone reads the catalogue, coordinators and care workers b and c
/// keep it; enrolments from the case page with capacity and waiting list; names of participants only
/// for care staff who may work with them; enrolments on the pupil's timeline.
/// </summary>
public abstract class OfferingTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
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
    public async Task Every_member_of_staff_reads_the_catalogue_and_an_intervention(string email)
    {
        var id = await SeedInterventionAsync("Huiswerkbegeleiding", capacity: 12);
        var client = await Fixture.ClientForAsync(email);

        var index = await client.GetPageAsync("/Interventions");
        var details = await client.GetPageAsync($"/Interventions/Details/{Key(id)}");

        Assert.Contains("<h1 class=\"h3 mb-0\">Zorgaanbod</h1>", index, StringComparison.Ordinal);
        Assert.Contains("Huiswerkbegeleiding", details, StringComparison.Ordinal);
        Assert.Contains("bezet 0 van 12", details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Mentors_care_workers_a_school_leaders_and_admins_may_not_keep_the_catalogue(string email)
    {
        var id = await SeedInterventionAsync("Examentraining", capacity: 20);
        var client = await Fixture.ClientForAsync(email);
        var name = $"Indringer {Guid.NewGuid():N}"[..20];

        var create = await client.GetAsync(new Uri("/Interventions/Create", UriKind.Relative), TestContext.Current.CancellationToken);
        var edit = await client.GetAsync(new Uri($"/Interventions/Edit/{Key(id)}", UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await client.PostFormAsync("/", "/Interventions/Create", Form(name, capacity: "5"));
        var deactivate = await client.PostFormAsync("/", $"/Interventions/SetActive/{Key(id)}", [new("active", "false")]);

        foreach (var response in new[] { create, edit, post, deactivate })
        {
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.False(await Fixture.QueryAsync(db => db.Interventions.AnyAsync(i => i.Name == name)));
        Assert.True(await Fixture.QueryAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.IsActive).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Maintainers))]
    public async Task Coordinators_and_care_workers_b_and_c_add_change_and_deactivate_an_intervention(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var name = $"Rots en Water {Guid.NewGuid():N}"[..22];

        var created = await client.PostFormAsync("/Interventions/Create", "/Interventions/Create", Form(name, capacity: "10"));
        var id = await Fixture.QueryAsync(db => db.Interventions.Where(i => i.Name == name).Select(i => i.Id).SingleAsync());
        var version = await Fixture.QueryAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
        var edited = await client.PostFormAsync($"/Interventions/Edit/{Key(id)}", $"/Interventions/Edit/{Key(id)}",
            Form(name, capacity: "14").Append(new("Version", version.ToString())));
        await client.PostFormAsync($"/Interventions/Details/{Key(id)}", $"/Interventions/SetActive/{Key(id)}", [new("active", "false")]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = await Fixture.QueryAsync(db => db.Interventions.SingleAsync(i => i.Id == id));
        Assert.Equal(14, saved.Capacity);
        Assert.False(saved.IsActive);
        Assert.DoesNotContain(name, await client.GetPageAsync("/Interventions"), StringComparison.Ordinal);
        Assert.Contains(name, await client.GetPageAsync("/Interventions?state=Inactive"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "8", "Vul de naam van de interventie in.")]
    [InlineData("Sova nieuw", "0", "De capaciteit moet tussen 1 en 500 liggen.")]
    [InlineData("Sova nieuw", "501", "De capaciteit moet tussen 1 en 500 liggen.")]
    [InlineData("Sova nieuw", "", "Vul de capaciteit in.")]
    [InlineData("Sova nieuw", "acht", "Deze waarde is ongeldig.")]
    public async Task Bad_input_gets_a_Dutch_message_and_saves_nothing(string name, string capacity, string message)
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.PostFormAsync("/Interventions/Create", "/Interventions/Create", Form(name, capacity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Interventions.AnyAsync(i => i.Name == "Sova nieuw")));
    }

    [Fact]
    public async Task The_capacity_cannot_be_set_below_the_current_participants()
    {
        var id = await SeedInterventionAsync("Sociale-vaardigheidstraining", capacity: 3, participants: ["Anna", "Bram"]);
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var version = await Fixture.QueryAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());

        var response = await client.PostFormAsync($"/Interventions/Edit/{Key(id)}", $"/Interventions/Edit/{Key(id)}",
            Form("Sociale-vaardigheidstraining", capacity: "1").Append(new("Version", version.ToString())));

        Assert.Contains("De capaciteit kan niet lager zijn dan het aantal huidige deelnemers (2).",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(3, await Fixture.QueryAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task A_second_intervention_with_the_same_name_is_refused()
    {
        await SeedInterventionAsync("Plannen en organiseren", capacity: 8);
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var response = await client.PostFormAsync("/Interventions/Create", "/Interventions/Create", Form("plannen en organiseren", "8"));

        Assert.Contains("Er bestaat al een interventie met deze naam.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_are_named_only_for_care_staff_who_may_work_with_them_and_their_reading_is_audited()
    {
        var id = await SeedInterventionAsync("Remedial teaching rekenen", capacity: 2, participants: ["Anna", "Sem"], waiting: ["Carmen"]);
        var url = $"/Interventions/Details/{Key(id)}";

        var coordinator = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync(url);
        var levelC = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerC)).GetPageAsync(url);
        var mentor = await (await Fixture.ClientForAsync(TestOrganisation.MentorB)).GetPageAsync(url);
        var leader = await (await Fixture.ClientForAsync(TestOrganisation.SchoolLeader)).GetPageAsync(url);
        var admin = await (await Fixture.ClientForAsync(TestOrganisation.Admin)).GetPageAsync(url);

        Assert.Contains("Anna de Jong", coordinator, StringComparison.Ordinal);
        Assert.Contains("Carmen van Dijk", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("Sem Bakker", coordinator, StringComparison.Ordinal);
        Assert.Contains("Sem Bakker", levelC, StringComparison.Ordinal);
        foreach (var html in new[] { mentor, leader, admin })
        {
            Assert.DoesNotContain("Carmen van Dijk", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Anna de Jong", html, StringComparison.Ordinal);
            Assert.Contains("bezet 2 van 2", html, StringComparison.Ordinal);
            Assert.Contains("1 leerling", html, StringComparison.Ordinal);
        }

        var coordinatorId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        var anna = Org.Pupils["Anna"];
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.UserId == coordinatorId && a.Action == AuditAction.Read && a.SubjectType == "InterventionParticipants" && a.PupilId == anna)));
    }

    [Fact]
    public async Task An_enrolment_beyond_capacity_is_refused_with_the_waiting_list_offered_and_the_pupil_is_admitted_when_a_place_frees()
    {
        var id = await SeedInterventionAsync("Faalangstreductietraining", capacity: 1, participants: ["Bram"]);
        var referralId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var casePage = $"/Referrals/Details/{Key(referralId)}";
        var enrol = $"/Interventions/Enrol?referralId={Key(referralId)}";
        var anna = Org.Pupils["Anna"];

        var refused = await worker.PostFormAsync(casePage, enrol, [new("InterventionId", Key(id)), new("StartOn", "2026-11-23")]);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Faalangstreductietraining is vol (1 van 1 plaatsen bezet). Zet de leerling op de wachtlijst.", html, StringComparison.Ordinal);
        Assert.Contains("Op de wachtlijst zetten", html, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Enrolments.AnyAsync(e => e.InterventionId == id && e.PupilId == anna)));

        var queued = await worker.PostFormAsync(casePage, enrol, [new("InterventionId", Key(id)), new("WaitingList", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var waiting = await Fixture.QueryAsync(db => db.Enrolments.SingleAsync(e => e.InterventionId == id && e.PupilId == anna));
        Assert.Equal(EnrolmentStatus.Waiting, waiting.Status);
        Assert.Equal(referralId, waiting.ReferralId);
        Assert.Contains("Op de wachtlijst", await worker.GetPageAsync(casePage), StringComparison.Ordinal);

        var details = $"/Interventions/Details/{Key(id)}";
        var bram = await Fixture.QueryAsync(db => db.Enrolments.SingleAsync(e => e.InterventionId == id && e.PupilId == Org.Pupils["Bram"]));
        var tooEarly = await worker.PostFormAsync(details, $"/Interventions/Admit/{Key(id)}",
            [new("EnrolmentId", Key(waiting.Id)), new("Version", await VersionAsync(id)), new("StartOn", "2026-11-23")]);
        Assert.Equal(HttpStatusCode.Redirect, tooEarly.StatusCode);
        Assert.Contains("is vol", await worker.GetPageAsync(details), StringComparison.Ordinal);

        await worker.PostFormAsync(details, $"/Interventions/Finish/{Key(id)}",
            [new("EnrolmentId", Key(bram.Id)), new("Version", await VersionAsync(id)), new("EndOn", "2026-11-22"), new("Outcome", "Doelen behaald")]);
        await worker.PostFormAsync(details, $"/Interventions/Admit/{Key(id)}",
            [new("EnrolmentId", Key(waiting.Id)), new("Version", await VersionAsync(id)), new("StartOn", "2026-11-23")]);

        var statuses = await Fixture.QueryAsync(db => db.Enrolments.Where(e => e.InterventionId == id)
            .OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
        Assert.Equal([EnrolmentStatus.Finished, EnrolmentStatus.Participating], statuses);
        var timeline = await worker.GetPageAsync($"/Pupils/Timeline/{Key(anna)}?kind=Intervention");
        Assert.Contains("Op de wachtlijst voor Faalangstreductietraining", timeline, StringComparison.Ordinal);
        Assert.Contains("Van de wachtlijst geplaatst bij Faalangstreductietraining", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolment_in_a_free_place_is_recorded_on_the_case_and_on_the_timeline_for_care_staff_but_not_the_mentor()
    {
        var id = await SeedInterventionAsync("Gesprekken met de zorgmedewerker", capacity: 5);
        var referralId = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var casePage = $"/Referrals/Details/{Key(referralId)}";

        var response = await worker.PostFormAsync(casePage, $"/Interventions/Enrol?referralId={Key(referralId)}",
            [new("InterventionId", Key(id)), new("StartOn", "2026-11-23")]);
        var enrolment = await Fixture.QueryAsync(db => db.Enrolments.SingleAsync(e => e.InterventionId == id));
        await worker.PostFormAsync($"/Interventions/Details/{Key(id)}", $"/Interventions/Withdraw/{Key(id)}",
            [new("EnrolmentId", Key(enrolment.Id)), new("Version", await VersionAsync(id)), new("EndOn", "2026-12-01"), new("Reason", "Andere hulp gevonden")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EnrolmentStatus.Participating, enrolment.Status);
        Assert.Equal(new DateOnly(2026, 11, 23), enrolment.StartOn);
        var timeline = await worker.GetPageAsync($"/Pupils/Timeline/{Key(Org.Pupils["Bram"])}?kind=Intervention");
        Assert.Contains("Ingeschreven voor Gesprekken met de zorgmedewerker", timeline, StringComparison.Ordinal);
        Assert.Contains("Afgemeld voor Gesprekken met de zorgmedewerker", timeline, StringComparison.Ordinal);
        Assert.Contains("Andere hulp gevonden", timeline, StringComparison.Ordinal);
        var mentorTimeline = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync($"/Pupils/Timeline/{Key(Org.Pupils["Bram"])}");
        Assert.DoesNotContain("Gesprekken met de zorgmedewerker", mentorTimeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_participation_shows_its_outcome_on_the_timeline()
    {
        var id = await SeedInterventionAsync("Examentraining rekenen", capacity: 5);
        var referralId = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        await coordinator.PostFormAsync($"/Referrals/Details/{Key(referralId)}", $"/Interventions/Enrol?referralId={Key(referralId)}",
            [new("InterventionId", Key(id)), new("StartOn", "2026-11-22")]);
        var enrolment = await Fixture.QueryAsync(db => db.Enrolments.SingleAsync(e => e.InterventionId == id));

        await coordinator.PostFormAsync($"/Interventions/Details/{Key(id)}", $"/Interventions/Finish/{Key(id)}",
            [new("EnrolmentId", Key(enrolment.Id)), new("Version", await VersionAsync(id)), new("EndOn", "2027-01-31"), new("Outcome", "Voldoende voor de oefentoets")]);

        var timeline = await coordinator.GetPageAsync($"/Pupils/Timeline/{Key(Org.Pupils["Carmen"])}");
        Assert.Contains("Examentraining rekenen afgerond", timeline, StringComparison.Ordinal);
        Assert.Contains("Uitkomst: Voldoende voor de oefentoets", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_against_an_outdated_version_gets_a_Dutch_conflict_message_and_changes_nothing()
    {
        var id = await SeedInterventionAsync("Plannen en organiseren 2", capacity: 2, participants: ["Anna"]);
        var enrolment = await Fixture.QueryAsync(db => db.Enrolments.SingleAsync(e => e.InterventionId == id));
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var details = $"/Interventions/Details/{Key(id)}";

        await coordinator.PostFormAsync(details, $"/Interventions/Finish/{Key(id)}",
            [new("EnrolmentId", Key(enrolment.Id)), new("Version", Guid.NewGuid().ToString()), new("EndOn", "2026-12-01"), new("Outcome", "Klaar")]);

        Assert.Contains("Iemand anders heeft deze interventie intussen gewijzigd", await coordinator.GetPageAsync(details), StringComparison.Ordinal);
        Assert.Equal(EnrolmentStatus.Participating,
            await Fixture.QueryAsync(db => db.Enrolments.Where(e => e.Id == enrolment.Id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Ids_that_do_not_exist_or_are_out_of_reach_answer_404_and_change_nothing()
    {
        var id = await SeedInterventionAsync("Rots en Water", capacity: 2, participants: ["Anna"]);
        var other = await SeedInterventionAsync("Remedial teaching taal", capacity: 2, participants: ["Bram"]);
        var annaEnrolment = await Fixture.QueryAsync(db => db.Enrolments.Where(e => e.InterventionId == id).Select(e => e.Id).SingleAsync());
        var northCase = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var south = await Fixture.ClientForAsync(TestOrganisation.CareWorkerSouth);
        var version = await VersionAsync(id);
        List<KeyValuePair<string, string>> finish(int enrolmentId) =>
            [new("EnrolmentId", Key(enrolmentId)), new("Version", version), new("EndOn", "2026-12-01"), new("Outcome", "Klaar")];

        var missing = await coordinator.GetAsync(new Uri("/Interventions/Details/999999", UriKind.Relative), TestContext.Current.CancellationToken);
        var missingEdit = await coordinator.GetAsync(new Uri("/Interventions/Edit/999999", UriKind.Relative), TestContext.Current.CancellationToken);
        var wrongIntervention = await coordinator.PostFormAsync("/", $"/Interventions/Finish/{Key(other)}", finish(annaEnrolment));
        var notMyPupil = await south.PostFormAsync("/", $"/Interventions/Finish/{Key(id)}", finish(annaEnrolment));
        var caseOutOfReach = await south.PostFormAsync("/", $"/Interventions/Enrol?referralId={Key(northCase)}",
            [new("InterventionId", Key(id)), new("StartOn", "2026-11-23")]);
        var noCase = await coordinator.PostFormAsync("/", "/Interventions/Enrol?referralId=999999",
            [new("InterventionId", Key(id)), new("StartOn", "2026-11-23")]);

        Assert.All([missing, missingEdit, wrongIntervention, notMyPupil, caseOutOfReach, noCase],
            r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Enrolments.CountAsync(e => e.InterventionId == id && e.Status == EnrolmentStatus.Participating)));
        Assert.False(await Fixture.QueryAsync(db => db.Enrolments.AnyAsync(e => e.PupilId == Org.Pupils["Carmen"] && e.InterventionId == id)));
    }

    [Fact]
    public async Task A_plan_measure_chosen_from_the_catalogue_takes_its_name_and_provider_and_links_to_it()
    {
        var id = await SeedInterventionAsync("Huiswerkklas", capacity: 15);
        var name = await Fixture.QueryAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.Name).SingleAsync());
        var referralId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var form = $"/CarePlans/Create?referralId={Key(referralId)}";

        var offered = await coordinator.GetPageAsync(form);
        var response = await coordinator.PostFormAsync(form, form, PlanForm(Key(id)));

        Assert.Contains($"<option value=\"{Key(id)}\">{name}</option>", offered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var planId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var measure = (await Fixture.QueryAsync(db => db.CarePlans.SingleAsync(p => p.Id == planId))).Content.Measures.Single();
        Assert.Equal(id, measure.InterventionId);
        Assert.Equal(name, measure.What);
        Assert.Equal("Zorgmedewerker", measure.ByWhom);
        Assert.Contains($"<a href=\"/Interventions/Details/{Key(id)}\">{name}</a>",
            await coordinator.GetPageAsync($"/CarePlans/Details/{Key(planId)}"), StringComparison.Ordinal);
        Assert.Contains(name, await coordinator.GetPageAsync($"/CarePlans/Print/{Key(planId)}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_measure_with_an_intervention_that_does_not_exist_is_refused_in_Dutch()
    {
        var referralId = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var form = $"/CarePlans/Create?referralId={Key(referralId)}";

        var response = await coordinator.PostFormAsync(form, form, PlanForm("987654"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een interventie uit het zorgaanbod.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.CarePlans.AnyAsync(p => p.ReferralId == referralId)));
    }

    private static List<KeyValuePair<string, string>> PlanForm(string interventionId) =>
    [
        new("Title", "Grip op huiswerk"), new("StartDate", "2026-11-22"), new("EvaluationDate", "2027-02-22"),
        new("Goals[0].Description", "Maakt zijn huiswerk elke dag af"), new("Goals[0].TargetDate", "2027-01-31"),
        new("Measures[0].InterventionId", interventionId), new("Measures[0].What", ""), new("Measures[0].ByWhom", ""),
        new("Measures[0].HowOften", "drie middagen per week"),
    ];

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Form(string name, string capacity) =>
    [
        new("Name", name), new("Description", "Acht bijeenkomsten in een kleine groep."), new("TargetGroup", "Leerjaar 1 en 2"),
        new("Provider", "Zorgmedewerker"), new("SupportLevel", "Basic"), new("Capacity", capacity), new("Period", "Ronde 1: oktober–december"),
    ];

    private Task<string> VersionAsync(int id) =>
        Fixture.QueryAsync(async db => (await db.Interventions.Where(i => i.Id == id).Select(i => i.Version).SingleAsync()).ToString());

    /// <summary>An intervention with pupils taking part and waiting; a test class shares its database, so each name is made unique.</summary>
    private async Task<int> SeedInterventionAsync(string name, int capacity, string[]? participants = null, string[]? waiting = null)
    {
        var unique = await Fixture.QueryAsync(db => db.Interventions.AnyAsync(i => i.Name == name)) ? $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)] : name;
        return await Fixture.QueryAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var intervention = new Intervention(new InterventionDetails(unique, "Omschrijving", "Leerjaar 1 tot en met 3", "Zorgmedewerker",
                SupportLevel.Basic, capacity, "Hele schooljaar"));
            foreach (var pupil in participants ?? [])
            {
                intervention.Enrol(Org.Pupils[pupil], null, new DateOnly(2026, 11, 2), Org.UserIds[TestOrganisation.CoordinatorNorth], now);
            }

            foreach (var pupil in waiting ?? [])
            {
                intervention.PutOnWaitingList(Org.Pupils[pupil], null, Org.UserIds[TestOrganisation.CoordinatorNorth], now);
            }

            db.Interventions.Add(intervention);
            await db.SaveChangesAsync();
            return intervention.Id;
        });
    }
}

public sealed class OfferingTests_Sqlite(SqlitePortalFixture fixture) : OfferingTests<SqlitePortalFixture>(fixture);

public sealed class OfferingTests_PostgreSql(PostgreSqlPortalFixture fixture) : OfferingTests<PostgreSqlPortalFixture>(fixture);

public sealed class OfferingTests_SqlServer(SqlServerPortalFixture fixture) : OfferingTests<SqlServerPortalFixture>(fixture);
