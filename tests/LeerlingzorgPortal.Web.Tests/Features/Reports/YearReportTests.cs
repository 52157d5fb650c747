using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Reports;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Reports;

/// <summary>The zorgjaarverslag: generated figures per location and year, texts by the location's coordinator.</summary>
public abstract class YearReportTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Url = "/Reports/YearReport";

    private static string EditUrl(int location, int year = 2026) => $"{Url}/Edit?locationId={location}&year={year}";

    [Fact]
    public async Task The_coordinator_writes_the_texts_and_the_school_leader_reads_them_in_the_printable_report()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var response = await coordinator.PostFormAsync(EditUrl(Org.NorthId, 2025), EditUrl(Org.NorthId, 2025),
        [
            new("FiguresComment", "Meer aanmeldingen rond de toetsweken."),
            new("PolicyEvaluation", "**Goed:** elke aanmelding binnen een week getrieerd."),
            new("GoalsNextYear", "- OPP-evaluaties op tijd"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);
        var html = await leader.GetPageAsync($"{Url}?locationId={Org.NorthId}&year=2025");

        Assert.Contains("Zorgjaarverslag 2025-2026", html, StringComparison.Ordinal);
        Assert.Contains("Meer aanmeldingen rond de toetsweken.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Goed:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>OPP-evaluaties op tijd</li>", html, StringComparison.Ordinal);
        Assert.Contains("Laatst bijgewerkt door", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Teksten schrijven", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_shows_the_care_figures_of_the_year_without_pupil_names_or_small_numbers()
    {
        await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress);
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync($"{Url}?locationId={Org.NorthId}");

        Assert.Contains("Lopende zorgtrajecten op dit moment", html, StringComparison.Ordinal);
        Assert.Contains("Aanmeldingen per maand", html, StringComparison.Ordinal);
        Assert.Contains("Gehouden overleggen per soort", html, StringComparison.Ordinal);
        // The school leader sees the published period: up to the last whole month (ADR 0035).
        Assert.Contains("Over de periode 01-08-2026 tot en met 31-10-2026 (het schooljaar loopt nog).", html, StringComparison.Ordinal);
        Assert.Contains("Gebruik van interventies en wachtlijsten", html, StringComparison.Ordinal);
        Assert.Contains("&lt;5", html, StringComparison.Ordinal);
        PageText.DoesNotShowName("Anna", html);
        var counts = System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"text-end(?: fw-semibold)?\">(\\d+)</td>")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.DoesNotContain(counts, count => count is > 0 and < 5);
    }

    [Fact]
    public async Task Every_table_of_the_report_downloads_for_its_location_and_year()
    {
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync($"{Url}?locationId={Org.NorthId}&year=2025");
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/Reports/(?:DashboardExport|CareOfferingExport)[^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.Equal(12, links.Count);
        Assert.All(links, link => Assert.Contains($"locationId={Org.NorthId}&year=2025", link, StringComparison.Ordinal));
        var csv = await leader.GetPageAsync(links.First(l => l.Contains("table=aanmeldingen&format=csv", StringComparison.Ordinal)));
        Assert.Contains("aug 2025", csv, StringComparison.Ordinal);
        Assert.Contains("jul 2026", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_years_report_leaves_out_the_open_cases_of_today()
    {
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync($"{Url}?locationId={Org.NorthId}&year=2024");

        Assert.Contains("Zorgjaarverslag 2024-2025", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lopende zorgtrajecten op dit moment", html, StringComparison.Ordinal);
        Assert.Contains("Over de periode 01-08-2024 tot en met 31-07-2025.", html, StringComparison.Ordinal);
        Assert.Contains("Nog niet geschreven.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year=2027", "Schooljaar 2027-2028 ligt in de toekomst.")]
    [InlineData("year=2015", "Schooljaar 2015-2016 ligt te ver terug. Kies een schooljaar van 2022-2023 tot en met 2026-2027.")]
    [InlineData("locationId=999999", "Kies een locatie waarvoor je rapportages mag zien.")]
    public async Task A_future_or_too_old_year_or_an_unknown_location_gets_a_Dutch_message_and_the_current_report(string query, string message)
    {
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync($"{Url}?{query}");

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Zorgjaarverslag 2026-2027", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_choose_another_locations_report_nor_write_it()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await coordinator.GetPageAsync($"{Url}?locationId={Org.SouthId}");
        var edit = await coordinator.GetAsync(new Uri(EditUrl(Org.SouthId), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Kies een locatie waarvoor je rapportages mag zien.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Theory]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.CareWorkerC)]
    public async Task School_leaders_and_level_c_read_the_report_but_writing_it_answers_404(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync($"{Url}?locationId={Org.NorthId}");
        var edit = await client.GetAsync(new Uri(EditUrl(Org.NorthId), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Toelichting en evaluatie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Teksten schrijven", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    [InlineData(TestOrganisation.Admin)]
    public async Task Mentors_care_workers_a_and_the_admin_get_no_yearly_report(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { Url, EditUrl(Org.NorthId) })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_section_that_is_too_long_keeps_the_text_and_says_so_in_Dutch()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var tooLong = new string('x', CareYearReport.SectionMaxLength + 1);

        var response = await coordinator.PostFormAsync(EditUrl(Org.NorthId, 2023), EditUrl(Org.NorthId, 2023),
            [new("PolicyEvaluation", tooLong), new("GoalsNextYear", "Bewaard blijven")]);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De evaluatie van het zorgbeleid is hoogstens 8.000 tekens lang.", html, StringComparison.Ordinal);
        Assert.Contains("Bewaard blijven", html, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.CareYearReports.AnyAsync(r => r.SchoolYearStart == 2023)));
    }

    [Fact]
    public async Task A_save_on_top_of_a_newer_version_is_refused_with_a_Dutch_message_and_keeps_the_text()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var formPage = EditUrl(Org.NorthId, 2022);
        await coordinator.PostFormAsync(formPage, formPage, [new("FiguresComment", "Eerste versie")]);

        // A second form opened before that save carries no version: it must not overwrite the first.
        var stale = await coordinator.PostFormAsync(formPage, formPage,
            [new("FiguresComment", "Mijn eigen tekst"), new("ConcurrencyToken", Guid.Empty.ToString())]);
        var html = await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft dit jaarverslag net opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("Mijn eigen tekst", html, StringComparison.Ordinal);
        Assert.Equal("Eerste versie", await Fixture.QueryAsync(db =>
            db.CareYearReports.Where(r => r.SchoolYearStart == 2022).Select(r => r.FiguresComment).SingleAsync()));
    }

    [Fact]
    public async Task The_edit_form_is_protected_by_antiforgery()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("FiguresComment", "Zonder token")]);
        var response = await coordinator.PostAsync(new Uri(EditUrl(Org.NorthId), UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Median_and_90th_percentile_of_the_time_to_triage_are_ranked_in_the_database()
    {
        var hours = new[] { 50, 10, 30, 20, 40, 60, 70, 80, 90, 1000 };
        var ids = await Fixture.QueryAsync(async db =>
        {
            var pupil = await db.Pupils.SingleAsync(p => p.Id == Org.Pupils["Carmen"]);
            var start = Fixture.Clock.GetUtcNow().AddDays(-200);
            var referrals = hours.Select(h =>
            {
                var referral = Referral.Draft(pupil, Org.UserIds[TestOrganisation.MentorA], Guid.NewGuid(),
                    new ReferralDetails(ReferralCategory.Learning, Urgency.Normal, "Vraag", "Geprobeerd", false, null), start);
                referral.Submit(Org.UserIds[TestOrganisation.MentorA], start);
                referral.Triage(Org.UserIds[TestOrganisation.CoordinatorNorth], Org.UserIds[TestOrganisation.CareWorkerNorth],
                    SupportLevel.Basic, start.AddHours(h));
                return referral;
            }).ToList();
            db.Referrals.AddRange(referrals);
            await db.SaveChangesAsync();
            return referrals.Select(r => r.Id).ToList();
        });

        var figures = await Fixture.QueryAsync(db => DatabasePercentiles.MedianAndP90Async(
            db.Referrals.Where(r => ids.Contains(r.Id)).Select(r => r.MinutesToTriage!.Value)));

        Assert.Equal(new PercentileFigures(10, 50 * 60, 90 * 60), figures);
    }
}

public sealed class YearReportTests_Sqlite(SqlitePortalFixture fixture) : YearReportTests<SqlitePortalFixture>(fixture);

public sealed class YearReportTests_PostgreSql(PostgreSqlPortalFixture fixture) : YearReportTests<PostgreSqlPortalFixture>(fixture);

public sealed class YearReportTests_SqlServer(SqlServerPortalFixture fixture) : YearReportTests<SqlServerPortalFixture>(fixture);
