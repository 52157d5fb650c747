using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Incidents;

/// <summary>Incidents, external referrals and the meldcode track: who sees what, and nothing more.</summary>
public abstract class SafetyTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, bool, string[]> IncidentVisibility => new()
    {
        // who, sees the incident, the names they see
        { TestOrganisation.MentorA, true, ["Anna de Jong", "Carmen van Dijk"] },
        { TestOrganisation.MentorB, true, ["Carmen van Dijk"] },
        { TestOrganisation.CareWorkerNorth, true, ["Anna de Jong", "Carmen van Dijk"] },
        { TestOrganisation.CoordinatorNorth, true, ["Anna de Jong", "Carmen van Dijk"] },
        { TestOrganisation.CareWorkerC, true, ["Anna de Jong", "Carmen van Dijk"] },
        { TestOrganisation.CareWorkerSouth, false, [] },
        { TestOrganisation.SchoolLeader, false, [] },
        { TestOrganisation.Admin, false, [] },
    };

    [Theory]
    [MemberData(nameof(IncidentVisibility))]
    public async Task An_incident_shows_to_those_who_may_see_it_with_only_the_pupils_they_may_see(string email, bool sees, string[] names)
    {
        var (incidentId, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var response = await client.GetAsync(new Uri($"/Incidents/Details/{incidentId}", UriKind.Relative), TestContext.Current.CancellationToken);
        var list = await client.GetPageAsync("/Incidents");

        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(sees, list.Contains($"/Incidents/Details/{incidentId}\"", StringComparison.Ordinal));
        if (sees)
        {
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (var name in new[] { "Anna de Jong", "Carmen van Dijk" })
            {
                Assert.Equal(names.Contains(name), html.Contains(name, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Each_pupils_timeline_shows_the_incident_with_that_pupils_own_role()
    {
        await SeedAsync();
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var anna = await worker.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}?kind=Incident");
        var carmen = await worker.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Carmen"]}?kind=Incident");

        Assert.Contains("rol van deze leerling: slachtoffer", anna, StringComparison.Ordinal);
        Assert.DoesNotContain("dader", anna, StringComparison.Ordinal);
        Assert.Contains("rol van deze leerling: dader", carmen, StringComparison.Ordinal);
        Assert.DoesNotContain("slachtoffer", carmen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_with_bad_input_gets_Dutch_messages()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var anna = Org.Pupils["Anna"].ToString(CultureInfo.InvariantCulture);

        var response = await mentor.PostFormAsync("/Incidents/Create", "/Incidents/Create",
        [
            new("Date", Iso(Today.AddDays(1))), new("Time", "10:00"), new("Place", "Gang"), new("Category", "Bullying"), new("Severity", "Low"),
            new("Description", "Duwen"), new("Pupils[0].PupilId", anna), new("Pupils[0].Role", "Victim"), new("Pupils[1].PupilId", anna),
            new("Pupils[1].Role", "Witness"),
        ]);
        var empty = await mentor.PostFormAsync("/Incidents/Create", "/Incidents/Create",
            [new("Date", Iso(Today)), new("Time", "08:00"), new("Place", "Gang"), new("Category", "Bullying"), new("Severity", "Low"), new("Description", "Duwen")]);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Een incident kan niet in de toekomst hebben plaatsgevonden.", html, StringComparison.Ordinal);
        Assert.Contains("Dezelfde leerling staat twee keer bij de betrokkenen.", html, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één betrokken leerling.", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    public static TheoryData<string> NotOnTheTrack => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerC, TestOrganisation.CareWorkerSouth, TestOrganisation.SchoolLeader,
        TestOrganisation.Admin, TestOrganisation.MentorB,
    };

    [Theory]
    [MemberData(nameof(NotOnTheTrack))]
    public async Task The_meldcode_track_is_invisible_to_everyone_not_added(string email)
    {
        var (_, trackId) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        await client.GetPageAsync($"/Meldcode/Details/{trackId}", HttpStatusCode.NotFound);
        foreach (var (action, step) in new[] { ("Step", "1"), ("Step", "2"), ("AddMember", ""), ("Close", "") })
        {
            var response = await client.PostFormAsync("/", $"/Meldcode/{action}/{trackId}?step={step}",
                [new("On", Iso(Today)), new("Text", "x"), new("staffId", Org.UserIds[email])]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} {action}: {response.StatusCode}");
        }

        var list = await client.GetAsync(new Uri("/Meldcode", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain($"/Meldcode/Details/{trackId}", await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        foreach (var url in new[] { $"/Pupils/Timeline/{Org.Pupils["Anna"]}", $"/Referrals/Details/{await CaseAsync()}", $"/Pupils?search=jong", "/" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Meldcode stap", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/Meldcode/Details/", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Blauwe plekken", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await TrackReadsByAsync(trackId, Org.UserIds[email]));
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    public async Task The_coordinator_and_added_staff_see_the_track_and_every_view_is_audited(string email)
    {
        var (_, trackId) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);
        var before = await TrackReadsByAsync(trackId, Org.UserIds[email]);

        var html = await client.GetPageAsync($"/Meldcode/Details/{trackId}");
        await client.GetPageAsync($"/Meldcode/Details/{trackId}");

        Assert.Contains("Blauwe plekken", html, StringComparison.Ordinal);
        Assert.Equal(before + 2, await TrackReadsByAsync(trackId, Org.UserIds[email]));
        Assert.Contains("Meldcode stap 1", await client.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meldcode_steps_go_in_order_and_step_five_needs_a_decision()
    {
        var caseId = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var started = await coordinator.PostFormAsync($"/Referrals/Details/{caseId}", $"/Meldcode/Start?referralId={caseId}", []);
        var trackId = int.Parse(started.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        var early = await coordinator.PostFormAsync($"/Meldcode/Details/{trackId}", $"/Meldcode/Step/{trackId}?step=3",
            [new("On", Iso(Today)), new("Text", "Gesprek")]);
        Assert.Contains("op volgorde", await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        foreach (var (step, fields) in new (int, List<KeyValuePair<string, string>>)[]
                 {
                     (1, [new("Text", "Signaal")]), (2, [new("Text", "Consultatie")]), (3, [new("Text", "Gesprek")]),
                     (4, Enumerable.Range(0, 5).SelectMany(q => new KeyValuePair<string, string>[] { new($"Answers[{q}].Yes", "true"), new($"Answers[{q}].Explanation", "Toelichting") }).ToList()),
                 })
        {
            fields.Add(new("On", Iso(Today)));
            var ok = await coordinator.PostFormAsync($"/Meldcode/Details/{trackId}", $"/Meldcode/Step/{trackId}?step={step}", fields);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var close = await coordinator.PostFormAsync($"/Meldcode/Details/{trackId}", $"/Meldcode/Close/{trackId}", []);
        Assert.Contains("pas worden afgesloten na het besluit van stap 5", await close.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        var noDecision = await coordinator.PostFormAsync($"/Meldcode/Details/{trackId}", $"/Meldcode/Step/{trackId}?step=5",
            [new("On", Iso(Today)), new("Text", "Toelichting")]);
        Assert.Contains("hulp organiseren, melden bij Veilig Thuis, of allebei", await noDecision.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_referral_with_late_feedback_is_signalled_to_the_coordinator()
    {
        var caseId = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var response = await worker.PostFormAsync($"/Referrals/Details/{caseId}", $"/CareCases/AddExternalReferral/{caseId}",
        [
            new("AgencyKind", "Jeugdzorg"), new("AgencyName", "Jeugdzorg Noord"), new("SentOn", Iso(Today.AddDays(-20))),
            new("ExpectedFeedbackOn", Iso(Today.AddDays(-2))), new("Reason", "Gezinsondersteuning"), new("SharedInformation", "Hulpvraag"),
            new("ConsentBy", "Ouders"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Terugkoppeling te laat", await worker.GetPageAsync($"/Referrals/Details/{caseId}"), StringComparison.Ordinal);
        var home = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/");
        Assert.Contains("Jeugdzorg Noord", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Jeugdzorg Noord", await (await Fixture.ClientForAsync(TestOrganisation.MentorB)).GetPageAsync($"/Referrals/Details/{caseId}"),
            StringComparison.Ordinal);
    }

    private Task<(int IncidentId, int TrackId)> SeedAsync() => Fixture.OnceAsync("safety", async () =>
    {
        var caseId = await CaseAsync();
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = Fixture.Clock.GetUtcNow();
        var incident = Incident.Report(Org.NorthId, new IncidentDetails(now.AddHours(-3), "Schoolplein", IncidentCategory.Bullying,
            IncidentSeverity.Medium, "Geduwd en uitgescholden", null, true, true),
            [(Org.Pupils["Anna"], IncidentRole.Victim), (Org.Pupils["Carmen"], IncidentRole.Perpetrator)],
            Org.UserIds[TestOrganisation.MentorA], now);
        var track = MeldcodeTrack.Start(caseId, Org.Pupils["Anna"], Org.NorthId, Org.UserIds[TestOrganisation.CoordinatorNorth], now);
        track.AddMember(Org.UserIds[TestOrganisation.CareWorkerNorth], Org.UserIds[TestOrganisation.CoordinatorNorth], now);
        track.RecordSignal(DateOnly.FromDateTime(now.UtcDateTime), "Blauwe plekken op de arm", Org.UserIds[TestOrganisation.CareWorkerNorth], now);
        db.Incidents.Add(incident);
        db.MeldcodeTracks.Add(track);
        await db.SaveChangesAsync();
        return (incident.Id, track.Id);
    });

    private Task<int> CaseAsync() => Fixture.OnceAsync("safety-case", () =>
        Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth));

    private Task<int> TrackReadsByAsync(int trackId, string userId)
    {
        var subject = trackId.ToString(CultureInfo.InvariantCulture);
        return Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.SubjectType == nameof(MeldcodeTrack) && a.SubjectId == subject
                                                                        && a.Action == AuditAction.Read && a.UserId == userId));
    }
}

public sealed class SafetyTests_Sqlite(SqlitePortalFixture fixture) : SafetyTests<SqlitePortalFixture>(fixture);

public sealed class SafetyTests_PostgreSql(PostgreSqlPortalFixture fixture) : SafetyTests<PostgreSqlPortalFixture>(fixture);

public sealed class SafetyTests_SqlServer(SqlServerPortalFixture fixture) : SafetyTests<SqlServerPortalFixture>(fixture);

/// <summary>The school's own incident categories, maintained by the admin.</summary>
public abstract class IncidentCategoryTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task The_admin_adds_a_category_that_reporters_can_then_choose()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var name = $"Vuurwerk {Guid.NewGuid():N}"[..16];

        await admin.PostFormAsync("/Admin/IncidentCategories", "/Admin/IncidentCategories/Add", [new("name", name)]);
        var duplicate = await admin.PostFormAsync("/Admin/IncidentCategories", "/Admin/IncidentCategories/Add", [new("name", name.ToUpperInvariant())]);
        Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
        Assert.Contains("Deze categorie bestaat al.", await admin.GetPageAsync("/Admin/IncidentCategories"), StringComparison.Ordinal);

        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var form = await mentor.GetPageAsync("/Incidents/Create");
        Assert.Contains(name, form, StringComparison.Ordinal);
        var id = await Fixture.QueryAsync(db => db.CustomIncidentCategories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reported = await mentor.PostFormAsync("/Incidents/Create", "/Incidents/Create",
        [
            new("Date", today), new("Time", "08:00"), new("Place", "Plein"), new("CustomCategoryId", id.ToString(CultureInfo.InvariantCulture)),
            new("Severity", "Low"), new("Description", "Rotje"), new("Pupils[0].PupilId", Org.Pupils["Anna"].ToString(CultureInfo.InvariantCulture)),
            new("Pupils[0].Role", "Perpetrator"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Contains($"{name} op", await mentor.GetPageAsync(reported.Headers.Location!.OriginalString), StringComparison.Ordinal);

        await admin.PostFormAsync("/Admin/IncidentCategories", $"/Admin/IncidentCategories/SetActive/{id}", [new("active", "false")]);
        Assert.DoesNotContain(name, await mentor.GetPageAsync("/Incidents/Create"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.MentorA)]
    public async Task Only_the_admin_maintains_the_categories(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var page = await client.GetAsync(new Uri("/Admin/IncidentCategories", UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await client.PostFormAsync("/", "/Admin/IncidentCategories/Add", [new("name", "Indringer")]);

        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.CustomIncidentCategories.AnyAsync(c => c.Name == "Indringer")));
    }
}

public sealed class IncidentCategoryTests_Sqlite(SqlitePortalFixture fixture) : IncidentCategoryTests<SqlitePortalFixture>(fixture);

public sealed class IncidentCategoryTests_PostgreSql(PostgreSqlPortalFixture fixture) : IncidentCategoryTests<PostgreSqlPortalFixture>(fixture);

public sealed class IncidentCategoryTests_SqlServer(SqlServerPortalFixture fixture) : IncidentCategoryTests<SqlServerPortalFixture>(fixture);
