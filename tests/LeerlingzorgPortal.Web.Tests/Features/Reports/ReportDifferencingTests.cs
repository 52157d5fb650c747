using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Reports;

/// <summary>
/// Small-cell suppression holds across views (ADR 0035). The differencing search requests
/// every report view a role without names can reach (dashboard and its CSV and Excel downloads, care figures, care
/// offering, year report) over neighbouring periods, each location and each filter value, and checks that no two shown
/// numbers whose populations are nested (same table, row and column, or a total over them; a period within the other;
/// a location within all) differ by 1 to 4.
/// </summary>
public abstract partial class ReportDifferencingTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly DateOnly Now = new(DateOnly.MinValue.Year, 1, 1);

    /// <summary>
    /// Small groups on purpose. Noord: 6 referrals about the home situation on 5 to 10 October (one a day) and one in
    /// September; absence 1 in August, 7 in September, 1 in October (two hidden 1s next to a shown total); 8 about
    /// learning in October; home situation twice in November (after the last whole month). Zuid: home situation 3 in
    /// October, medical 5 in September. Bullying incidents (6 at Noord, 2 at Zuid) and ZATs (5 at Noord, 1 at Zuid)
    /// on separate days in October.
    /// </summary>
    private Task<bool> SeedAsync() => Fixture.OnceAsync("differencing", () => Fixture.QueryAsync(async db =>
    {
        var ct = TestContext.Current.CancellationToken;
        var pupils = await db.Pupils.ToDictionaryAsync(p => p.Name.FirstName, ct);
        var mentor = Org.UserIds[TestOrganisation.MentorA];
        var coordinator = Org.UserIds[TestOrganisation.CoordinatorNorth];
        var northWorker = Org.UserIds[TestOrganisation.CareWorkerNorth];
        var southWorker = Org.UserIds[TestOrganisation.CareWorkerSouth];
        string[] north = ["Anna", "Bram", "Carmen"];
        var n = 0;

        void Add(string pupil, ReferralCategory category, DateOnly day, string worker)
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var referral = Referral.Draft(pupils[pupil], mentor, Guid.NewGuid(),
                new ReferralDetails(category, Urgency.Normal, "Hulpvraag", "Gesprekken gevoerd", false, null), at);
            referral.Submit(mentor, at);
            referral.Triage(coordinator, worker, SupportLevel.Basic, at.AddHours(3 + (n++ % 5)));
            db.Referrals.Add(referral);
        }

        void North(ReferralCategory category, params DateOnly[] days)
        {
            foreach (var day in days)
            {
                Add(north[n % 3], category, day, northWorker);
            }
        }

        void South(ReferralCategory category, params DateOnly[] days)
        {
            foreach (var day in days)
            {
                Add("Sem", category, day, southWorker);
            }
        }

        static DateOnly[] Days(int month, int first, int count) =>
            Enumerable.Range(first, count).Select(d => new DateOnly(month >= 8 ? 2026 : 2027, month, d)).ToArray();

        North(ReferralCategory.HomeSituation, Days(10, 5, 6));
        North(ReferralCategory.HomeSituation, Days(9, 15, 1));
        North(ReferralCategory.HomeSituation, new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 10));
        North(ReferralCategory.Absence, Days(8, 25, 1));
        North(ReferralCategory.Absence, Days(9, 7, 7));
        North(ReferralCategory.Absence, Days(10, 7, 1));
        North(ReferralCategory.Learning, Days(10, 10, 8));
        South(ReferralCategory.HomeSituation, Days(10, 12, 3));
        South(ReferralCategory.Medical, Days(9, 1, 5));
        await db.SaveChangesAsync(ct);

        foreach (var (location, day, pupil) in Days(10, 2, 6).Select(d => (Org.NorthId, d, "Anna")).Concat(Days(10, 20, 2).Select(d => (Org.SouthId, d, "Sem"))))
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            db.Incidents.Add(Incident.Report(location, new IncidentDetails(at, "Schoolplein", IncidentCategory.Bullying, IncidentSeverity.Low,
                "Uitgescholden", null, false, false), [(pupils[pupil].Id, IncidentRole.Victim)], mentor, at.AddHours(1)));
        }

        foreach (var (location, day) in Days(10, 13, 5).Select(d => (Org.NorthId, d)).Append((Org.SouthId, new DateOnly(2026, 10, 22))))
        {
            db.Meetings.Add(Meeting.Plan(location, MeetingType.Zat, new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero), coordinator,
                null, [location == Org.NorthId ? northWorker : southWorker], [], new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero))[0]);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }));

    [Fact]
    public async Task The_differencing_search_over_neighbouring_periods_and_filters_finds_no_count_from_1_to_4()
    {
        await SeedAsync();
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);
        var shown = new List<Shown>();
        int?[] locations = [null, Org.NorthId, Org.SouthId];
        string[] years = ["", "2026", "2025"];
        string[] starts = ["2026-08-01", "2026-10-01"];
        var ends = Enumerable.Range(1, 31).Select(d => $"2026-10-{d:00}").Concat(["2026-09-30", "2026-11-21", "2026-11-22"]).ToArray();
        string[] dashboardTables = ["aanmeldingen", "doorlooptijden", "niveaus", "caseload", "actiepunten", "opp", "overleggen", "incidenten", "pesten",
            "verwijzingen", "wachttijden"];

        foreach (var location in locations)
        {
            var at = location is int id ? $"locationId={id}&" : "";
            var filters = years.Select(y => y.Length == 0 ? "" : $"year={y}")
                .Concat(starts.SelectMany(from => ends.Select(to => $"year=2026&from={from}&to={to}")));
            foreach (var filter in filters)
            {
                var html = await leader.GetPageAsync($"/Reports?{at}{filter}");
                shown.AddRange(FromPage(html, "dashboard-period", location));
            }

            // Every download of the dashboard, for each school year and for two neighbouring custom periods.
            foreach (var filter in years.Select(y => y.Length == 0 ? "" : $"year={y}").Concat(["year=2026&from=2026-10-01&to=2026-10-09", "year=2026&from=2026-10-01&to=2026-10-10"]))
            {
                foreach (var table in dashboardTables)
                {
                    foreach (var format in filter.Length == 0 ? (string[])["csv", "xlsx"] : ["csv"])
                    {
                        shown.AddRange(await DownloadAsync(leader, $"/Reports/DashboardExport?{at}table={table}&format={format}&{filter}", location));
                    }
                }
            }

            var care = await leader.GetPageAsync($"/Reports/Care?{at}".TrimEnd('&', '?'));
            shown.AddRange(Cells(care, location, Now, Now, _ => (Now, Now)));
            foreach (var table in (string[])["niveaus", "caseload"])
            {
                shown.AddRange(await DownloadAsync(leader, $"/Reports/CareExport?{at}table={table}&format=csv", location));
            }

            foreach (var year in years)
            {
                var page = await leader.GetPageAsync($"/Reports/CareOffering?{at}year={year}");
                var schoolYear = int.Parse(SchoolYearShown().Match(page).Groups[1].Value, CultureInfo.InvariantCulture);
                var (first, last) = (new DateOnly(schoolYear, 8, 1), new DateOnly(schoolYear + 1, 7, 31));
                shown.AddRange(Cells(page, location, first, last, _ => (first, last)));
                foreach (var table in (string[])["interventies", "faciliteiten"])
                {
                    shown.AddRange(await DownloadAsync(leader, $"/Reports/CareOfferingExport?{at}table={table}&format=csv&year={year}", location));
                }

                if (location is not null)
                {
                    shown.AddRange(FromPage(await leader.GetPageAsync($"/Reports/YearReport?{at}year={year}"), "year-report-period", location));
                }
            }
        }

        Assert.Contains(shown, s => s.Caption.StartsWith("Aanmeldingen per maand", StringComparison.Ordinal) && s.Value >= 5);
        var leaks = Derivable(shown).Take(8).ToList();
        Assert.True(leaks.Count == 0, "Derivable counts of 1 to 4:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task A_school_leader_gets_the_published_period_and_a_dutch_message_for_typed_dates_and_a_404_for_such_a_download()
    {
        await SeedAsync();
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync("/Reports?year=2026&from=2026-10-01&to=2026-10-09");
        var export = await leader.GetAsync(new Uri("/Reports/DashboardExport?table=aanmeldingen&format=csv&year=2026&from=2026-10-01&to=2026-10-09", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var lastYear = await leader.GetPageAsync("/Reports?year=2025");

        Assert.Contains("Een eigen begin- of einddatum kan alleen wie ook de namen mag zien.", html, StringComparison.Ordinal);
        Assert.Contains("van 01-08-2026 tot en met 31-10-2026.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"from\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"published-period-help\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Contains("van 01-08-2025 tot en met 31-07-2026.", lastYear, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_still_chooses_dates_and_each_such_view_is_audited_while_the_default_view_is_not()
    {
        await SeedAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var userId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        Task<int> AuditedAsync() => Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Read && a.UserId == userId
            && a.SubjectType == "Report" && a.SubjectId.StartsWith("DashboardReport:periode:"), TestContext.Current.CancellationToken));
        var before = await AuditedAsync();

        var html = await coordinator.GetPageAsync("/Reports?year=2026&from=2026-10-01&to=2026-10-09");
        await coordinator.GetPageAsync("/Reports");

        Assert.Contains("van 01-10-2026 tot en met 09-10-2026.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"from\"", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await AuditedAsync());
        var subject = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.UserId == userId && a.SubjectType == "Report")
            .OrderByDescending(a => a.Id).Select(a => a.SubjectId).FirstAsync(TestContext.Current.CancellationToken));
        Assert.Equal("DashboardReport:periode:20261001-20261009:alle", subject);
    }

    [Fact]
    public async Task A_cell_hidden_only_to_protect_another_shows_a_dash_with_a_note_not_less_than_five()
    {
        await SeedAsync();
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync($"/Reports?locationId={Org.NorthId}");

        // Absence at Noord: August 1, September 7, October 1, total 9. The two 1s would give each other away with the
        // shown total and September's 7, so September is hidden too, as "–": it is 7, not "less than 5".
        Assert.Matches("<th scope=\"row\">Verzuim</th>\\s*<td class=\"text-end\">&lt;5</td>\\s*<td class=\"text-end\">–</td>\\s*<td class=\"text-end\">&lt;5</td>\\s*<td class=\"text-end\">9</td>", html);
        Assert.Contains("data-testid=\"protecting-note\"", html, StringComparison.Ordinal);
        Assert.Contains("dit aantal kan 0 zijn of 5 en meer", html, StringComparison.Ordinal);
    }

    /// <summary>A shown number and the population it counts: table, row ("*" = all rows), column ("*" = all), location (null = all) and days.</summary>
    private sealed record Shown(string Source, string Caption, string Row, string Column, int? Location, DateOnly From, DateOnly To, int Value)
    {
        public bool Within(Shown other) =>
            Caption == other.Caption
            && (Row == other.Row || other.Row == "*")
            && (Column == other.Column || other.Column == "*")
            && (Location == other.Location || other.Location is null)
            && From >= other.From && To <= other.To;

        public bool SamePopulation(Shown other) => Within(other) && other.Within(this);

        public override string ToString() => $"{Caption} | {Row} | {Column} | {Location?.ToString(CultureInfo.InvariantCulture) ?? "alle"} | {From}..{To} = {Value} ({Source})";
    }

    private static IEnumerable<string> Derivable(List<Shown> shown)
    {
        var distinct = shown.DistinctBy(s => (s.Caption, s.Row, s.Column, s.Location, s.From, s.To, s.Value)).ToList();
        foreach (var group in distinct.GroupBy(s => s.Caption))
        {
            var list = group.ToList();
            foreach (var small in list)
            {
                foreach (var large in list)
                {
                    var difference = large.Value - small.Value;
                    if (difference is > 0 and < 5 && small.Within(large) && !small.SamePopulation(large))
                    {
                        yield return $"{large}\n  minus {small}\n  = {difference}";
                    }
                }
            }
        }
    }

    private IEnumerable<Shown> FromPage(string html, string periodTestId, int? location)
    {
        var period = Regex.Match(html, $"data-testid=\"{periodTestId}\"[^>]*>.*?(\\d\\d-\\d\\d-\\d{{4}}) tot en met (\\d\\d-\\d\\d-\\d{{4}})", RegexOptions.Singleline);
        Assert.True(period.Success, "The page states its period.");
        var from = DateOnly.ParseExact(period.Groups[1].Value, "dd-MM-yyyy", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(period.Groups[2].Value, "dd-MM-yyyy", CultureInfo.InvariantCulture);
        return Cells(html, location, from, to, caption => IsPeriodTable(caption) ? (from, to) : (Now, Now));
    }

    private static bool IsPeriodTable(string caption) =>
        caption.Contains("periode", StringComparison.Ordinal) || caption.Contains("per maand", StringComparison.Ordinal);

    private async Task<IEnumerable<Shown>> DownloadAsync(HttpClient client, string url, int? location)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var name = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"');
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var rows = name.EndsWith(".xlsx", StringComparison.Ordinal) ? XlsxRows(bytes) : CsvRows(bytes);
        var days = Regex.Match(name, "(\\d{8})-(\\d{8})");
        var year = Regex.Match(name, "(\\d{4})-\\d{4}");
        var (from, to) = days.Success
            ? (DateOnly.ParseExact(days.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture), DateOnly.ParseExact(days.Groups[2].Value, "yyyyMMdd", CultureInfo.InvariantCulture))
            : year.Success
                ? (new DateOnly(int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture), 8, 1), new DateOnly(int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture) + 1, 7, 31))
                : (Now, Now);
        // The caption is not in the file; the first header cell names the table's rows, so the file name and that cell key it.
        var caption = url.Contains("DashboardExport", StringComparison.Ordinal) ? DashboardCaption(url) : name.Split('.')[0].Split('-')[0] + ":" + rows[0][0];
        var period = days.Success && !IsPeriodTable(caption) ? (Now, Now) : (from, to);
        var header = rows[0].Skip(1).ToList();
        var body = rows.Skip(1).ToList();
        var totals = body.Count > 0 && body[^1][0] == "Totaal" ? body[^1] : null;
        return Normalise(url, caption, header, body.Where(r => r != totals).Select(r => (r[0], r.Skip(1).ToList())).ToList(),
            totals?.Skip(1).ToList(), location, from, to, _ => period).ToList();
    }

    /// <summary>Downloads carry no caption; the dashboard's tables are keyed by the caption the screen shows for them.</summary>
    private static string DashboardCaption(string url) => Regex.Match(url, "table=([a-z]+)").Groups[1].Value switch
    {
        "aanmeldingen" => "Aanmeldingen per maand en categorie (ingediend in de periode)",
        "doorlooptijden" => "Doorlooptijden van aanmeldingen ingediend in de periode",
        "niveaus" => "Lopende zorgtrajecten per ondersteuningsniveau en locatie",
        "caseload" => "Caseload: lopende zorgtrajecten per zorgmedewerker",
        "actiepunten" => "Open actiepunten per locatie, en hoeveel daarvan over de deadline zijn",
        "opp" => "Lopende OPP's per locatie, en hoeveel te laat zijn",
        "overleggen" => "Gehouden overleggen per soort (in de periode)",
        "incidenten" => "Incidenten per maand en categorie",
        "pesten" => "Pestincidenten per maand (trend)",
        "verwijzingen" => "Externe doorverwijzingen per instantie (verstuurd in de periode)",
        var other => "Wachttijd:" + other,
    };

    private static List<List<string>> CsvRows(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';').Select(c => c.Trim('"')).ToList()).ToList();

    private static List<List<string>> XlsxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }

    private IEnumerable<Shown> Cells(string html, int? location, DateOnly from, DateOnly to, Func<string, (DateOnly, DateOnly)> periodOf)
    {
        static string Text(string cell) => WebUtility.HtmlDecode(Regex.Replace(cell, "<[^>]+>", string.Empty)).Trim();
        foreach (Match table in Regex.Matches(html, "<table class=\"table table-sm table-striped align-middle report-table\">(.*?)</table>", RegexOptions.Singleline))
        {
            var body = table.Groups[1].Value;
            var caption = Text(Regex.Match(body, "<caption>(.*?)</caption>", RegexOptions.Singleline).Groups[1].Value);
            var header = Regex.Matches(Regex.Match(body, "<thead>(.*?)</thead>", RegexOptions.Singleline).Groups[1].Value, "<th[^>]*>(.*?)</th>", RegexOptions.Singleline)
                .Select(m => Text(m.Groups[1].Value)).Skip(1).ToList();
            (string, List<string>) Row(string tr) => (
                Text(Regex.Match(tr, "<th[^>]*>(.*?)</th>", RegexOptions.Singleline).Groups[1].Value),
                Regex.Matches(tr, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToList());
            var rows = Regex.Matches(Regex.Match(body, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
                .Select(m => Row(m.Groups[1].Value)).Where(r => r.Item2.Count == header.Count).ToList();
            var foot = Regex.Match(body, "<tfoot>(.*?)</tfoot>", RegexOptions.Singleline);
            foreach (var cell in Normalise("page", caption, header, rows, foot.Success ? Row(foot.Groups[1].Value).Item2 : null, location, from, to, periodOf))
            {
                yield return cell;
            }
        }
    }

    /// <summary>
    /// Each integer cell with its population: a month column counts that month within the period, "Totaal" all columns
    /// (or all locations, where the columns are locations), a location's name that location, the totals row all rows.
    /// </summary>
    private IEnumerable<Shown> Normalise(string source, string caption, List<string> header, List<(string Label, List<string> Cells)> rows,
        List<string>? totals, int? location, DateOnly from, DateOnly to, Func<string, (DateOnly From, DateOnly To)> periodOf)
    {
        var names = new Dictionary<string, int> { ["Locatie Noord"] = Org.NorthId, ["Locatie Zuid"] = Org.SouthId };
        var columnsAreLocations = header.Any(names.ContainsKey);
        var rowsAreLocations = rows.Any(r => names.ContainsKey(r.Label));
        var (periodFrom, periodTo) = periodOf(caption);
        var all = rows.Select(r => (r.Label, r.Cells, IsTotal: false)).ToList();
        if (totals is not null && totals.Count == header.Count)
        {
            all.Add(("*", totals, true));
        }

        foreach (var (label, cells, isTotal) in all)
        {
            for (var c = 0; c < header.Count; c++)
            {
                if (!int.TryParse(cells[c], NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("nl-NL"), out var value))
                {
                    continue;
                }

                var (row, column, at, first, last) = (isTotal ? "*" : label, header[c], location, periodFrom, periodTo);
                if (rowsAreLocations)
                {
                    (row, at) = ("·", isTotal ? null : names.GetValueOrDefault(label));
                }

                if (columnsAreLocations)
                {
                    (column, at) = ("·", header[c] == "Totaal" ? (rowsAreLocations ? at : null) : names.GetValueOrDefault(header[c]));
                }
                else if (header[c] == "Totaal")
                {
                    column = "*";
                }
                else if (MonthColumn().Match(header[c]) is { Success: true } month)
                {
                    var start = new DateOnly(int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture), Array.IndexOf(Months, month.Groups[1].Value) + 1, 1);
                    (column, first, last) = ("*", start > first ? start : first, start.AddMonths(1).AddDays(-1) < last ? start.AddMonths(1).AddDays(-1) : last);
                }

                yield return new Shown(source, caption, row, column, at, first, last, value);
            }
        }
    }

    private static readonly string[] Months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    [GeneratedRegex("^(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) (\\d{4})$")]
    private static partial Regex MonthColumn();

    [GeneratedRegex("Schooljaar (\\d{4})-\\d{4}")]
    private static partial Regex SchoolYearShown();
}

public sealed class ReportDifferencingTests_Sqlite(SqlitePortalFixture fixture) : ReportDifferencingTests<SqlitePortalFixture>(fixture);

public sealed class ReportDifferencingTests_PostgreSql(PostgreSqlPortalFixture fixture) : ReportDifferencingTests<PostgreSqlPortalFixture>(fixture);

public sealed class ReportDifferencingTests_SqlServer(SqlServerPortalFixture fixture) : ReportDifferencingTests<SqlServerPortalFixture>(fixture);
