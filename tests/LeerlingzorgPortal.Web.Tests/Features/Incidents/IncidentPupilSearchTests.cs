using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Incidents;

/// <summary>
/// The incident form has no roster: a search finds only the pupils the reporter may name (IncidentAccess.NameableBy,
/// ADR 0036), and the save refuses any other. Anna and Bram are in group 1A (Noord), Carmen in 2B (Noord), Sem in 3C (Zuid).
/// </summary>
public abstract class IncidentPupilSearchTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly string[] AllNames = ["Anna de Jong", "Bram Visser", "Carmen van Dijk", "Sem Bakker"];

    public static TheoryData<string, string[]> Nameable => new()
    {
        { TestOrganisation.MentorA, ["Anna de Jong", "Bram Visser"] },
        { TestOrganisation.MentorB, ["Carmen van Dijk"] },
        { TestOrganisation.CareWorkerNorth, ["Anna de Jong", "Bram Visser", "Carmen van Dijk"] },
        { TestOrganisation.CoordinatorNorth, ["Anna de Jong", "Bram Visser", "Carmen van Dijk"] },
        { TestOrganisation.CareWorkerSouth, ["Sem Bakker"] },
        { TestOrganisation.CareWorkerC, ["Anna de Jong", "Bram Visser", "Carmen van Dijk", "Sem Bakker"] },
    };

    [Theory]
    [MemberData(nameof(Nameable))]
    public async Task The_search_finds_exactly_the_pupils_the_reporter_may_name(string email, string[] names)
    {
        var client = await Fixture.ClientForAsync(email);

        // "t100" is in every pupil's number, so the search would return them all if it did not filter.
        var html = await SearchAsync(client, "t100");

        foreach (var name in AllNames)
        {
            Assert.True(names.Contains(name) == html.Contains(name, StringComparison.Ordinal), $"{email}: {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Nameable))]
    public async Task The_form_shows_no_roster_before_a_search(string email, string[] names)
    {
        Assert.NotEmpty(names);
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync("/Incidents/Create");

        Assert.Contains("Zoek een leerling op naam of leerlingnummer", html, StringComparison.Ordinal);
        foreach (var name in AllNames)
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.Admin)]
    public async Task School_leaders_and_admins_get_no_form_no_search_and_cannot_report(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var before = await Fixture.QueryAsync(db => db.Incidents.CountAsync());

        var form = await client.GetAsync(new Uri("/Incidents/Create", UriKind.Relative), TestContext.Current.CancellationToken);
        var search = await client.PostFormAsync("/", "/Incidents/PupilSearch", [new("Search", "t100")]);
        var report = await client.PostFormAsync("/", "/Incidents/Create", Report("Anna"));

        foreach (var response in new[] { form, search, report })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(before, await Fixture.QueryAsync(db => db.Incidents.CountAsync()));
        Assert.DoesNotContain("Incident melden", await client.GetPageAsync("/Incidents"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_reports_about_a_pupil_of_the_own_group()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var response = await mentor.PostFormAsync("/Incidents/Create", "/Incidents/Create", Report("Anna"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Incidents/Details/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA, "Carmen")]
    [InlineData(TestOrganisation.MentorB, "Anna")]
    [InlineData(TestOrganisation.CareWorkerNorth, "Sem")]
    [InlineData(TestOrganisation.CareWorkerSouth, "Anna")]
    public async Task A_report_naming_a_pupil_the_reporter_may_not_name_is_refused_without_the_name(string email, string pupil)
    {
        var client = await Fixture.ClientForAsync(email);
        var before = await Fixture.QueryAsync(db => db.Incidents.CountAsync());

        var response = await client.PostFormAsync("/Incidents/Create", "/Incidents/Create", Report(pupil));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Kies leerlingen die je in een melding mag noemen", html, StringComparison.Ordinal);
        Assert.Contains("Gang bij lokaal 12", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Name(pupil), html, StringComparison.Ordinal);
        Assert.Equal(before, await Fixture.QueryAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_care_worker_c_cannot_put_pupils_of_two_locations_in_one_report()
    {
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var response = await worker.PostFormAsync("/Incidents/Create", "/Incidents/Create",
            [.. Report("Anna"), new("Pupils[1].PupilId", Id("Sem")), new("Pupils[1].Role", "Perpetrator")]);

        Assert.Contains("Een incident hoort bij één locatie", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kies_adds_a_nameable_pupil_keeps_what_was_typed_and_ignores_any_other()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var chosen = await PostSearchAsync(mentor, [new("Place", "Aula"), new("Description", "Getypte beschrijving"), new("choose", Id("Anna"))]);
        var foreign = await PostSearchAsync(mentor, [new("choose", Id("Carmen"))]);
        var preselected = await mentor.GetPageAsync($"/Incidents/Create?pupilId={Id("Carmen")}");

        Assert.Contains($"name=\"Pupils[0].PupilId\" value=\"{Id("Anna")}\"", chosen, StringComparison.Ordinal);
        Assert.Contains("Anna de Jong", chosen, StringComparison.Ordinal);
        Assert.Contains("value=\"Aula\"", chosen, StringComparison.Ordinal);
        Assert.Contains("Getypte beschrijving", chosen, StringComparison.Ordinal);
        Assert.DoesNotContain("Carmen van Dijk", foreign, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{Id("Carmen")}\"", foreign, StringComparison.Ordinal);
        Assert.DoesNotContain("Carmen van Dijk", preselected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_short_or_fruitless_search_gets_a_Dutch_hint()
    {
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        Assert.Contains("Typ minstens 2 letters of cijfers", await SearchAsync(worker, "a"), StringComparison.Ordinal);
        Assert.Contains("Geen leerling gevonden die je in een melding mag noemen", await SearchAsync(worker, "bakker"), StringComparison.Ordinal);
    }

    private string Id(string pupil) => Org.Pupils[pupil].ToString(CultureInfo.InvariantCulture);

    private static string Name(string pupil) => AllNames.Single(n => n.StartsWith(pupil, StringComparison.Ordinal));

    private List<KeyValuePair<string, string>> Report(string pupil) =>
    [
        new("Date", DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("Time", "08:00"), new("Place", "Gang bij lokaal 12"), new("Category", "Bullying"), new("Severity", "Low"),
        new("Description", "Duwen en schelden"), new("Pupils[0].PupilId", Id(pupil)), new("Pupils[0].Role", "Victim"),
    ];

    private static Task<string> SearchAsync(HttpClient client, string term) => PostSearchAsync(client, [new("Search", term)]);

    private static async Task<string> PostSearchAsync(HttpClient client, List<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync("/Incidents/Create", "/Incidents/PupilSearch", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class IncidentPupilSearchTests_Sqlite(SqlitePortalFixture fixture) : IncidentPupilSearchTests<SqlitePortalFixture>(fixture);

public sealed class IncidentPupilSearchTests_PostgreSql(PostgreSqlPortalFixture fixture) : IncidentPupilSearchTests<PostgreSqlPortalFixture>(fixture);

public sealed class IncidentPupilSearchTests_SqlServer(SqlServerPortalFixture fixture) : IncidentPupilSearchTests<SqlServerPortalFixture>(fixture);
