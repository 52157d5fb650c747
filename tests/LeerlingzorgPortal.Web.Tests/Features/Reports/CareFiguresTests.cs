using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests.Features.Reports;

/// <summary>"Zorg in cijfers": open cases by support level and caseload, counts only, small cells hidden.</summary>
public abstract partial class CareFiguresTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Url = "/Reports/Care";

    /// <summary>Seven open cases at Noord: six with the level-a care worker, one with level c; one draft that does not count.</summary>
    private Task<bool> SeedAsync() => Fixture.OnceAsync("cases", async () =>
    {
        string[] pupils = ["Anna", "Bram", "Carmen", "Anna", "Bram", "Carmen"];
        foreach (var pupil in pupils)
        {
            await Fixture.SeedReferralAsync(pupil, TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        }

        await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerC);
        await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Draft);
        return true;
    });

    [Theory]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.CareWorkerC)]
    public async Task Leaders_coordinators_and_level_c_see_the_care_figures_without_pupil_names_or_small_numbers(string email)
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync(Url);

        Assert.Contains("Basisondersteuning", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end fw-semibold\">7</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hulpvraag over", html, StringComparison.Ordinal);
        foreach (var name in new[] { "Anna", "Bram", "Carmen", "de Jong", "Visser" })
        {
            PageText.DoesNotShowName(name, html);
        }

        var cells = CountCell().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(cells, count => count is > 0 and < 5);
    }

    [Fact]
    public async Task The_caseload_hides_a_small_count_and_the_one_that_would_give_it_away()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await client.GetPageAsync(Url);

        // Zorg Noord has 6, Zorg C 1: with the total 7 shown, both are hidden; the 6 only to protect the 1, so as "–".
        Assert.Matches("<th scope=\"row\">Zorg C</th>\\s*<td class=\"text-end\">&lt;5</td>", html);
        Assert.Matches("<th scope=\"row\">Zorg Noord</th>\\s*<td class=\"text-end\">–</td>", html);
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    [InlineData(TestOrganisation.Admin)]
    public async Task Mentors_care_workers_a_and_the_admin_get_no_care_figures(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { Url, "/Reports/CareExport?table=caseload&format=csv" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_tables_download_as_csv_without_names_and_a_foreign_location_or_unknown_table_answers_404()
    {
        await SeedAsync();
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var csv = await leader.GetPageAsync("/Reports/CareExport?table=niveaus&format=csv");
        var xlsx = await leader.GetAsync(new Uri("/Reports/CareExport?table=caseload&format=xlsx", UriKind.Relative), TestContext.Current.CancellationToken);
        var foreign = await coordinator.GetAsync(new Uri($"/Reports/CareExport?table=caseload&format=csv&locationId={Org.SouthId}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var unknown = await leader.GetAsync(new Uri("/Reports/CareExport?table=leerlingen&format=csv", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Basisondersteuning;", csv, StringComparison.Ordinal);
        PageText.DoesNotShowName("Anna", csv);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [GeneratedRegex("<td class=\"text-end(?: fw-semibold)?\">(\\d+)</td>")]
    private static partial Regex CountCell();
}

public sealed class CareFiguresTests_Sqlite(SqlitePortalFixture fixture) : CareFiguresTests<SqlitePortalFixture>(fixture);

public sealed class CareFiguresTests_PostgreSql(PostgreSqlPortalFixture fixture) : CareFiguresTests<PostgreSqlPortalFixture>(fixture);

public sealed class CareFiguresTests_SqlServer(SqlServerPortalFixture fixture) : CareFiguresTests<SqlServerPortalFixture>(fixture);
