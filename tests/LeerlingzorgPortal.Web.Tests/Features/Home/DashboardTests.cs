using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Home;

/// <summary>The school leader's dashboard: counts without names, small cells hidden on screen, in charts and in downloads.</summary>
public abstract partial class DashboardTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Url = "/Reports";
    private static readonly string[] Names = ["Anna", "Bram", "Carmen", "Sem", "Jong", "Visser", "Dijk", "Bakker"];

    /// <summary>
    /// At Noord, in October 2026: 7 referrals about learning and 6 social-emotional ones, all triaged and
    /// contacted; in September 3 about behaviour (a small cell). At Zuid 2 medical referrals in November:
    /// too few for a percentile. Two bullying incidents, one ZAT held and one external referral.
    /// </summary>
    private Task<bool> SeedAsync() => Fixture.OnceAsync("dashboard", () => Fixture.QueryAsync(async db =>
    {
        var org = Fixture.Org;
        var pupils = await db.Pupils.ToDictionaryAsync(p => p.Name.FirstName, TestContext.Current.CancellationToken);
        var mentor = org.UserIds[TestOrganisation.MentorA];
        var coordinator = org.UserIds[TestOrganisation.CoordinatorNorth];
        var north = org.UserIds[TestOrganisation.CareWorkerNorth];
        var south = org.UserIds[TestOrganisation.CareWorkerSouth];
        string[] northPupils = ["Anna", "Bram", "Carmen"];

        Referral Add(string pupil, ReferralCategory category, DateTimeOffset at, int hoursToTriage, string worker)
        {
            var referral = Referral.Draft(pupils[pupil], mentor, Guid.NewGuid(),
                new ReferralDetails(category, Urgency.Normal, $"Hulpvraag over {pupil}", "Gesprekken gevoerd", false, null), at);
            referral.Submit(mentor, at);
            referral.Triage(coordinator, worker, SupportLevel.Basic, at.AddHours(hoursToTriage));
            var contact = at.AddHours(hoursToTriage * 2);
            referral.AddNote(worker, new NoteDetails(DateOnly.FromDateTime(contact.UtcDateTime), ContactParties.Pupil, $"Gesprek met {pupil}", null, false), contact);
            db.Referrals.Add(referral);
            return referral;
        }

        var october = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            Add(northPupils[i % 3], ReferralCategory.Learning, october.AddDays(i), 4 + i, north);
        }

        for (var i = 0; i < 6; i++)
        {
            Add(northPupils[i % 3], ReferralCategory.SocialEmotional, october.AddDays(10 + i), 24, north);
        }

        var september = new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.Zero);
        Referral? first = null;
        for (var i = 0; i < 3; i++)
        {
            var added = Add(northPupils[i], ReferralCategory.Behaviour, september.AddDays(i), 2, north);
            first ??= added;
        }

        Add("Sem", ReferralCategory.Medical, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), 3, south);
        Add("Sem", ReferralCategory.Medical, new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.Zero), 5, south);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var bullied = new DateTimeOffset(2026, 10, 12, 10, 0, 0, TimeSpan.Zero);
        db.Incidents.AddRange(
            Incident.Report(org.NorthId, new IncidentDetails(bullied, "Schoolplein", IncidentCategory.Bullying, IncidentSeverity.Medium,
                "Anna werd uitgescholden", null, true, false), [(pupils["Anna"].Id, IncidentRole.Victim)], mentor, bullied.AddHours(1)),
            Incident.Report(org.NorthId, new IncidentDetails(bullied.AddDays(3), "Kantine", IncidentCategory.Bullying, IncidentSeverity.Low,
                "Bram werd geduwd", null, false, false), [(pupils["Bram"].Id, IncidentRole.Victim)], mentor, bullied.AddDays(3).AddHours(1)));
        var zat = Meeting.Plan(org.NorthId, MeetingType.Zat, new DateTimeOffset(2026, 10, 20, 14, 0, 0, TimeSpan.Zero), coordinator, null, [north], [],
            new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero))[0];
        db.Meetings.Add(zat);
        db.ExternalOrganisations.AddRange(new ExternalOrganisation("Jeugdzorg Test", PartnerKind.Jeugdzorg), new ExternalOrganisation("GGD Test", PartnerKind.Ggd));
        db.ExternalReferrals.Add(new ExternalReferral(first!.Id, first.PupilId, PartnerKind.Jeugdzorg, "Jeugdzorg Test", new DateOnly(2026, 10, 1),
            "Gezinsondersteuning voor Anna", "Het plan", "Moeder", null, north, new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return true;
    }));

    [Theory]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.CareWorkerC)]
    public async Task The_dashboard_shows_no_pupil_name_and_no_count_from_1_to_4_in_tables_or_charts(string email)
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync(Url);

        Assert.Contains("Dashboard leerlingzorg", html, StringComparison.Ordinal);
        Assert.Contains("Aanmeldingen per maand en categorie", html, StringComparison.Ordinal);
        Assert.Contains("&lt;5", html, StringComparison.Ordinal);
        AssertNoNames(html);
        var cells = CountCell().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, count => count is > 0 and < 5);

        var charts = ChartValues(html);
        Assert.True(charts.Count >= 5, $"expected the charts on the page, found {charts.Count}");
        Assert.DoesNotContain(charts.SelectMany(c => c), value => value is > 0 and < 5);
        Assert.Contains(charts.SelectMany(c => c), value => value is null);
        Assert.Contains("<canvas role=\"img\" aria-label=\"Staafgrafiek: aanmeldingen per maand", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js?v=", html, StringComparison.Ordinal);
        Assert.Contains("/js/report-charts.js?v=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_of_five_or_more_shows_exactly_and_the_percentiles_only_over_five_or_more_referrals()
    {
        await SeedAsync();
        // Level c: a role that sees names may choose its own dates (ADR 0035); the school leader gets whole periods only.
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var october = await client.GetPageAsync("/Reports?year=2026&from=2026-10-01&to=2026-10-31");
        var south = await client.GetPageAsync($"/Reports?locationId={Org.SouthId}");

        Assert.Matches("<th scope=\"row\">Leren</th>\\s*<td class=\"text-end\">7</td>\\s*<td class=\"text-end\">7</td>", october);
        Assert.Matches("<th scope=\"row\">Sociaal-emotioneel</th>\\s*<td class=\"text-end\">6</td>", october);
        Assert.Matches("<td class=\"text-end fw-semibold\">13</td>", october);
        // Triage after 4..10 hours (7 referrals) and after 24 hours (6): the median is the 7th of 13 = 10 hours.
        Assert.Contains("Van aanmelding tot triage</dt>", october, StringComparison.Ordinal);
        Assert.Matches("mediaan <strong>10 uur</strong>, 90e percentiel <strong>1 dag</strong>", october);
        Assert.DoesNotContain("te weinig aanmeldingen", october, StringComparison.Ordinal);

        Assert.Contains("te weinig aanmeldingen", south, StringComparison.Ordinal);
        Assert.DoesNotContain("mediaan <strong>", south, StringComparison.Ordinal);
        AssertNoNames(south);
    }

    [Fact]
    public async Task Opps_late_to_be_set_and_late_for_their_evaluation_are_counted_by_the_rules_of_the_opp_deadlines()
    {
        await SeedAsync();
        await Fixture.OnceAsync("opps", () => Fixture.QueryAsync(async db =>
        {
            var referral = await db.Referrals.Where(r => r.LocationId == Org.NorthId).OrderBy(r => r.Id).FirstAsync(TestContext.Current.CancellationToken);
            var by = Org.UserIds[TestOrganisation.CareWorkerNorth];
            CarePlan Opp(DateOnly need, DateOnly? activated)
            {
                var at = new DateTimeOffset(need.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                var plan = CarePlan.Start(referral.Id, referral.PupilId, by, new PlanContent("OPP", need, need.AddMonths(3),
                    [new PlanGoal(Guid.NewGuid(), "Doel", need.AddMonths(2))], [], null), at);
                plan.MakeOpp(need, new OppParts("havo", "Onderbouwing", "Sterk", "Zwak", "Handelingsdeel"), by, at);
                if (activated is { } on)
                {
                    var set = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                    plan.RecordConsent(true, on, "Ouders", null, by, set);
                    plan.Activate(by, set);
                }

                db.CarePlans.Add(plan);
                return plan;
            }

            for (var i = 0; i < 5; i++)
            {
                Opp(new DateOnly(2026, 9, 1).AddDays(i), null);                                  // 6 weeks passed on 13 October: late to be set
                Opp(new DateOnly(2025, 9, 1).AddDays(i), new DateOnly(2025, 10, 1).AddDays(i));  // due 31 July 2026, not evaluated: late
                Opp(new DateOnly(2026, 4, 1).AddDays(i), new DateOnly(2026, 5, 1).AddDays(i));   // set in spring: due 31 July 2027
            }

            Opp(new DateOnly(2026, 11, 1), null);                                                // within its 6 weeks
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return true;
        }));
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await client.GetPageAsync($"/Reports?locationId={Org.NorthId}");

        Assert.Matches("<th scope=\"row\">Locatie Noord</th>\\s*<td class=\"text-end\">16</td>\\s*<td class=\"text-end\">5</td>\\s*<td class=\"text-end\">5</td>", html);
    }

    [Fact]
    public async Task An_agency_typed_by_hand_is_counted_under_other_agencies_and_its_name_is_never_shown()
    {
        await SeedAsync();
        await Fixture.OnceAsync("typed-agency", () => Fixture.QueryAsync(async db =>
        {
            var referral = await db.Referrals.Where(r => r.LocationId == Org.NorthId).OrderBy(r => r.Id).FirstAsync(TestContext.Current.CancellationToken);
            db.ExternalReferrals.Add(new ExternalReferral(referral.Id, referral.PupilId, PartnerKind.Other, "Praktijk J. Jansen (voor Bram)",
                new DateOnly(2026, 10, 2), "Reden", "Het plan", "Ouders", null, Org.UserIds[TestOrganisation.CareWorkerNorth],
                new DateTimeOffset(2026, 10, 2, 12, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return true;
        }));
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await leader.GetPageAsync(Url);
        var csv = await leader.GetPageAsync($"{Url}/DashboardExport?table=verwijzingen&format=csv");

        Assert.DoesNotContain("Jansen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", csv, StringComparison.Ordinal);
        Assert.Contains("Overige instanties (niet op de sociale kaart)", html, StringComparison.Ordinal);
        Assert.Contains("Jeugdzorg Test", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_hidden_number_can_be_worked_out_from_a_total_or_by_comparing_the_board_with_a_location()
    {
        await SeedAsync();
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var board = Tables(await leader.GetPageAsync(Url));
        var north = Tables(await leader.GetPageAsync($"{Url}?locationId={Org.NorthId}"));
        var south = Tables(await leader.GetPageAsync($"{Url}?locationId={Org.SouthId}"));

        foreach (var (caption, table) in board)
        {
            // Within a table: a row or column with its total never has exactly one hidden number.
            if (table.Columns[^1] == "Totaal")
            {
                foreach (var row in table.Rows.Append(table.Totals).OfType<string[]>())
                {
                    Assert.True(row.Count(IsHidden) != 1, $"{caption}: row {string.Join(" | ", row)}");
                }
            }

            if (table.Totals is { } totals && !caption.Contains("per locatie", StringComparison.Ordinal))
            {
                for (var c = 0; c < totals.Length; c++)
                {
                    Assert.True(table.Rows.Select(r => r[c]).Append(totals[c]).Count(IsHidden) != 1, $"{caption}: column {c}");
                }
            }

            // Between views: where the board and both locations show the same table, the three numbers at
            // one place are never exactly one hidden (board = Noord + Zuid).
            if (north.TryGetValue(caption, out var n) && south.TryGetValue(caption, out var z) && SameShape(table, n) && SameShape(table, z))
            {
                var rows = table.Rows.Append(table.Totals).OfType<string[]>().ToList();
                var northRows = n.Rows.Append(n.Totals).OfType<string[]>().ToList();
                var southRows = z.Rows.Append(z.Totals).OfType<string[]>().ToList();
                for (var r = 0; r < rows.Count; r++)
                {
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var hidden = new[] { rows[r][c], northRows[r][c], southRows[r][c] }.Count(IsHidden);
                        Assert.True(hidden != 1, $"{caption}: row {r}, column {c}: board {rows[r][c]}, Noord {northRows[r][c]}, Zuid {southRows[r][c]}");
                    }
                }
            }
        }

        // The seed's small cells: 3 behaviour referrals in September at Noord, and a single ZAT.
        Assert.Contains(board.Keys, k => k.StartsWith("Aanmeldingen per maand", StringComparison.Ordinal));
        Assert.Contains(board.Values.SelectMany(t => t.Rows).SelectMany(r => r), IsHidden);
    }

    private static bool IsHidden(string cell) => cell is "<5" or "–";

    private static bool SameShape(ParsedTable a, ParsedTable b) =>
        a.Columns.SequenceEqual(b.Columns) && a.Rows.Count == b.Rows.Count && (a.Totals is null) == (b.Totals is null);

    private sealed record ParsedTable(string[] Columns, List<string[]> Rows, string[]? Totals);

    /// <summary>The report tables of a page by caption: header cells, body rows and the totals row, as text.</summary>
    private static Dictionary<string, ParsedTable> Tables(string html)
    {
        static string Text(string cell) => System.Net.WebUtility.HtmlDecode(Regex.Replace(cell, "<[^>]+>", string.Empty)).Trim();
        static string[] Cells(string row, string tag) =>
            Regex.Matches(row, $"<{tag}[^>]*>(.*?)</{tag}>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToArray();

        var tables = new Dictionary<string, ParsedTable>(StringComparer.Ordinal);
        foreach (Match table in Regex.Matches(html, "<table class=\"table table-sm table-striped align-middle report-table\">(.*?)</table>", RegexOptions.Singleline))
        {
            var body = table.Groups[1].Value;
            var caption = Text(Regex.Match(body, "<caption>(.*?)</caption>", RegexOptions.Singleline).Groups[1].Value);
            var head = Regex.Match(body, "<thead>(.*?)</thead>", RegexOptions.Singleline).Groups[1].Value;
            var rows = Regex.Matches(Regex.Match(body, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
                .Select(m => Cells(m.Groups[1].Value, "td")).Where(r => r.Length > 0 && r.All(c => c.Length < 30)).ToList();
            var foot = Regex.Match(body, "<tfoot>(.*?)</tfoot>", RegexOptions.Singleline);
            tables[caption] = new ParsedTable(Cells(head, "th").Skip(1).ToArray(), rows, foot.Success ? Cells(foot.Groups[1].Value, "td") : null);
        }

        return tables;
    }

    [Fact]
    public async Task The_waiting_time_of_an_agency_shows_from_five_answered_referrals_in_days_computed_in_the_database()
    {
        await SeedAsync();
        await Fixture.OnceAsync("answered", () => Fixture.QueryAsync(async db =>
        {
            var referral = await db.Referrals.Where(r => r.LocationId == Org.NorthId).OrderBy(r => r.Id).FirstAsync(TestContext.Current.CancellationToken);
            var by = Org.UserIds[TestOrganisation.CareWorkerNorth];
            int[] waited = [10, 20, 30, 40, 50];
            foreach (var days in waited)
            {
                var sent = new DateOnly(2026, 9, 1);
                var external = new ExternalReferral(referral.Id, referral.PupilId, PartnerKind.Ggd, "GGD Test", sent, "Reden", "Het plan", "Ouders", null, by,
                    new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));
                external.Update(ExternalReferralStatus.InCare, null, sent.AddDays(days), "Gestart", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
                db.ExternalReferrals.Add(external);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return true;
        }));
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await client.GetPageAsync(Url);

        // Nearest rank over 10, 20, 30, 40, 50: the median is the 3rd. The 90th percentile would be the 5th,
        // the single longest wait, so it shows only from ten answers.
        Assert.Matches("<th scope=\"row\">GGD Test</th>\\s*<td class=\"text-end\">30 dagen</td>\\s*<td class=\"text-end\">te weinig terugkoppelingen</td>", html);
        Assert.Matches("<th scope=\"row\">Jeugdzorg Test</th>\\s*<td class=\"text-end\">te weinig terugkoppelingen</td>", html);
    }

    [Theory]
    [InlineData("/Reports?year=2026&from=2026-10-01&to=2026-09-01", "De einddatum ligt vóór de begindatum.")]
    [InlineData("/Reports?year=2027", "Schooljaar 2027-2028 ligt in de toekomst.")]
    [InlineData("/Reports?year=2019", "ligt te ver terug")]
    [InlineData("/Reports?year=2025&from=2026-09-01", "De periode moet binnen schooljaar 2025-2026 vallen")]
    [InlineData("/Reports?from=gisteren", "De begindatum is geen geldige datum")]
    [InlineData("/Reports?locationId=987654", "Kies een locatie waarvoor je rapportages mag zien.")]
    public async Task Wrong_filters_give_a_dutch_message_and_the_default_period(string url, string message)
    {
        // The dates are a coordinator's or level c's filter (ADR 0035); the leader's refusal is in ReportDifferencingTests.
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var html = await client.GetPageAsync(url);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("id=\"validation-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("van 01-08-2026 tot en met 22-11-2026.", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"from\" name=\"from\" type=\"date\" class=\"form-control\" aria-describedby=\"period-help\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_asking_for_another_location_gets_the_message_and_an_export_for_it_answers_404()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await client.GetPageAsync($"/Reports?locationId={Org.SouthId}");
        var export = await client.GetAsync(new Uri($"/Reports/DashboardExport?table=aanmeldingen&format=csv&locationId={Org.SouthId}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var wrongPeriod = await client.GetAsync(new Uri("/Reports/DashboardExport?table=aanmeldingen&format=csv&year=2030", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var unknown = await client.GetAsync(new Uri("/Reports/DashboardExport?table=leerlingen&format=csv", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Contains("Kies een locatie waarvoor je rapportages mag zien.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Locatie Zuid</option>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongPeriod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    [InlineData(TestOrganisation.CareWorkerSouth)]
    [InlineData(TestOrganisation.Admin)]
    public async Task Mentors_care_workers_a_and_b_and_the_admin_get_no_dashboard(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { Url, "/Reports/Index", "/Reports/DashboardExport?table=aanmeldingen&format=csv" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_table_downloads_as_csv_and_excel_without_names_or_small_numbers_and_each_download_is_audited()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);
        var leaderId = Org.UserIds[TestOrganisation.SchoolLeader];
        var before = await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == Domain.Auditing.AuditAction.Export && a.UserId == leaderId));
        string[] tables = ["aanmeldingen", "doorlooptijden", "niveaus", "caseload", "actiepunten", "opp", "overleggen", "incidenten", "pesten", "verwijzingen", "wachttijden"];
        var smallSeen = false;

        foreach (var table in tables)
        {
            var csv = await client.GetAsync(new Uri($"/Reports/DashboardExport?table={table}&format=csv", UriKind.Relative),
                TestContext.Current.CancellationToken);
            var xlsx = await client.GetAsync(new Uri($"/Reports/DashboardExport?table={table}&format=xlsx", UriKind.Relative),
                TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            // The school leader's published period: the current school year up to its last whole month (ADR 0035).
            Assert.Equal($"dashboard-{table}-20260801-20261031.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
            var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
            var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet
                .Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
            foreach (var values in new[] { text.Split(['\r', '\n', ';'], StringSplitOptions.RemoveEmptyEntries).ToList(), cells })
            {
                Assert.DoesNotContain(values, v => Names.Any(n => v.Contains(n, StringComparison.Ordinal)));
                Assert.DoesNotContain(values, v => v is "1" or "2" or "3" or "4");
                smallSeen |= values.Contains("<5");
            }
        }

        Assert.True(smallSeen);
        var after = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == Domain.Auditing.AuditAction.Export && a.UserId == leaderId)
            .Select(a => a.SubjectId).ToListAsync());
        Assert.Equal(before + (2 * tables.Length), after.Count);
        Assert.Contains(after, s => s.StartsWith("DashboardReport:aanmeldingen:20260801-20261031:alle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_school_leaders_home_page_and_the_report_menu_lead_to_the_dashboard()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var home = await client.GetPageAsync("/");
        var care = await client.GetPageAsync("/Reports/Care");

        Assert.Contains("href=\"/Reports\">Dashboard</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Reports\">Dashboard</a>", care, StringComparison.Ordinal);
    }

    private static void AssertNoNames(string html)
    {
        Assert.DoesNotContain("Hulpvraag over", html, StringComparison.Ordinal);
        foreach (var name in Names)
        {
            PageText.DoesNotShowName(name, html);
        }
    }

    /// <summary>The values of every chart on the page, from the JSON in its data-chart attribute.</summary>
    private static List<List<int?>> ChartValues(string html) =>
        ChartData().Matches(html).Select(m =>
        {
            using var json = JsonDocument.Parse(WebUtility.HtmlDecode(m.Groups[1].Value));
            return json.RootElement.GetProperty("series").EnumerateArray()
                .SelectMany(s => s.GetProperty("values").EnumerateArray())
                .Select(v => v.ValueKind == JsonValueKind.Null ? (int?)null : v.GetInt32()).ToList();
        }).ToList();

    [GeneratedRegex("<td class=\"text-end(?: fw-semibold)?\">(\\d+)</td>")]
    private static partial Regex CountCell();

    [GeneratedRegex("data-chart=\"([^\"]*)\"")]
    private static partial Regex ChartData();
}

public sealed class DashboardTests_Sqlite(SqlitePortalFixture fixture) : DashboardTests<SqlitePortalFixture>(fixture);

public sealed class DashboardTests_PostgreSql(PostgreSqlPortalFixture fixture) : DashboardTests<PostgreSqlPortalFixture>(fixture);

public sealed class DashboardTests_SqlServer(SqlServerPortalFixture fixture) : DashboardTests<SqlServerPortalFixture>(fixture);
