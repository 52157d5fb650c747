using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Reports;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Reports;

/// <summary>The coordinator's signal lists with names: who sees them, what is on them, exports and the audit.</summary>
public abstract class CoordinatorReportTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Url = "/Reports/Coordinator";

    public static TheoryData<string> Lists => new() { "actiepunten", "zonder-contact", "opp", "zat", "doorverwijzingen" };

    public static TheoryData<string, string> ListsAndNames => new()
    {
        { "actiepunten", "Anna de Jong" },
        { "zonder-contact", "Bram Visser" },
        { "opp", "Carmen van Dijk" },
        { "zat", "Anna de Jong" },
        { "doorverwijzingen", "Bram Visser" },
    };

    public static TheoryData<string> Refused => new()
    {
        TestOrganisation.SchoolLeader, TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerSouth,
        TestOrganisation.Admin,
    };

    /// <summary>
    /// Noord: Anna with an overdue action item and discussed in a ZAT ten days ago; Bram assigned 40 days
    /// ago, last spoken 35 days ago, referred to youth care 20 days ago without feedback; Carmen with an OPP
    /// whose six weeks end in two days. Zuid: Sem with an overdue action item.
    /// </summary>
    private Task<bool> SeedAsync() => Fixture.OnceAsync("signals", async () =>
    {
        var org = Org;
        var worker = org.UserIds[TestOrganisation.CareWorkerNorth];
        var coordinator = org.UserIds[TestOrganisation.CoordinatorNorth];
        var anna = await CaseAsync("Anna", 20, (r, now) =>
            r.AddActionItem(worker, worker, "Gesprek met ouders plannen", Today.AddDays(-3), now.AddDays(-10)));
        await CaseAsync("Sem", 20, (r, now) =>
            r.AddActionItem(worker, worker, "Rooster aanpassen", Today.AddDays(-2), now.AddDays(-10)), TestOrganisation.CareWorkerSouth);
        var bram = await CaseAsync("Bram", 40, (r, now) => r.AddNote(worker, new NoteDetails(Today.AddDays(-35), ContactParties.Pupil,
            "Gesprek GEHEIME-SAMENVATTING", null, false), now.AddDays(-35)));
        var carmen = await CaseAsync("Carmen", 50, null);
        await Fixture.QueryAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var plan = CarePlan.Start(carmen, org.Pupils["Carmen"], coordinator, new PlanContent("OPP Carmen", Today, Today.AddMonths(6),
                [new PlanGoal(Guid.NewGuid(), "Doel", Today.AddMonths(3))], [], null), now);
            plan.MakeOpp(Today.AddDays(-40), new OppParts("havo", "Past bij de resultaten", "Gemotiveerd", "Concentratie",
                "Begeleiding, een uur per week"), coordinator, now);
            db.CarePlans.Add(plan);

            var zat = Meeting.Plan(org.NorthId, MeetingType.Zat, now.AddDays(-10), coordinator, null, [worker], [], now.AddDays(-30))[0];
            zat.AddToAgenda(anna, org.Pupils["Anna"], "Hoe verder?", coordinator, ConsentCheck.NotNeeded);
            db.Meetings.Add(zat);

            db.ExternalReferrals.Add(new ExternalReferral(bram, org.Pupils["Bram"], PartnerKind.Jeugdzorg, "Jeugdzorg Testregio",
                Today.AddDays(-20), "Gezinsondersteuning", "Hulpvraag", "Moeder", Today.AddDays(-5), worker, now.AddDays(-20)));
            await db.SaveChangesAsync();
            return true;
        });
        return true;
    });

    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A case at the pupil's location, submitted and assigned <paramref name="daysAgo"/> days ago.</summary>
    private Task<int> CaseAsync(string pupil, int daysAgo, Action<Referral, DateTimeOffset>? more,
        string worker = TestOrganisation.CareWorkerNorth) => Fixture.QueryAsync(async db =>
    {
        var now = Fixture.Clock.GetUtcNow();
        var then = now.AddDays(-daysAgo);
        var entity = await db.Pupils.SingleAsync(p => p.Id == Org.Pupils[pupil]);
        var mentor = Org.UserIds[TestOrganisation.MentorA];
        var referral = Referral.Draft(entity, mentor, Guid.NewGuid(),
            new ReferralDetails(ReferralCategory.Learning, Urgency.Normal, $"Hulpvraag over {pupil}", "Gesprek", true,
                DateOnly.FromDateTime(then.UtcDateTime)), then);
        referral.Submit(mentor, then);
        referral.Triage(Org.UserIds[TestOrganisation.CoordinatorNorth], Org.UserIds[worker], SupportLevel.Basic, then);
        more?.Invoke(referral, now);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    });

    [Theory]
    [MemberData(nameof(ListsAndNames))]
    public async Task The_coordinator_sees_each_signal_list_with_the_pupils_name_and_a_link_to_the_case_or_plan(string list, string name)
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await client.GetPageAsync($"{Url}/{list}");

        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains(list == "opp" ? "href=\"/CarePlans/Details/" : "href=\"/Referrals/Details/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GEHEIME-SAMENVATTING", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sem Bakker", html, StringComparison.Ordinal);
        Assert.Contains(">Signaallijsten</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lists_show_dates_and_counts_in_dutch()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var overdue = await client.GetPageAsync(Url);
        var stale = await client.GetPageAsync($"{Url}/zonder-contact");
        var opp = await client.GetPageAsync($"{Url}/opp");
        var referrals = await client.GetPageAsync($"{Url}/doorverwijzingen");

        Assert.Contains("<td>19-11-2026</td>", overdue, StringComparison.Ordinal);
        Assert.Contains("<td>18-10-2026</td>", stale, StringComparison.Ordinal);
        Assert.Contains("<td>35</td>", stale, StringComparison.Ordinal);
        Assert.Contains("<td>Vaststellen</td>", opp, StringComparison.Ordinal);
        Assert.Contains("<td>24-11-2026</td>", opp, StringComparison.Ordinal);
        Assert.Contains("<td>nog 2 dagen</td>", opp, StringComparison.Ordinal);
        Assert.Contains("Jeugdzorg Testregio", referrals, StringComparison.Ordinal);
        Assert.Contains("<td>17-11-2026 (te laat)</td>", referrals, StringComparison.Ordinal);
        Assert.Contains("<td>20</td>", referrals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level_c_sees_both_locations_and_can_narrow_to_one()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var all = await client.GetPageAsync($"{Url}/actiepunten");
        var south = await client.GetPageAsync($"{Url}/actiepunten?locationId={Org.SouthId}");

        Assert.Contains("Anna de Jong", all, StringComparison.Ordinal);
        Assert.Contains("Sem Bakker", all, StringComparison.Ordinal);
        Assert.Contains("Sem Bakker", south, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna de Jong", south, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_location_out_of_reach_gets_a_dutch_message_and_the_own_locations()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.GetAsync(new Uri($"{Url}/actiepunten?locationId={Org.SouthId}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var unknown = await client.GetPageAsync($"{Url}/actiepunten?locationId=99999");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een locatie waarvoor je rapportages mag zien.", html, StringComparison.Ordinal);
        Assert.Contains("Kies een locatie waarvoor je rapportages mag zien.", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("Sem Bakker", html, StringComparison.Ordinal);
        Assert.Contains("Anna de Jong", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Without_the_role_every_signal_list_and_export_answers_404(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var urls = new List<string> { Url };
        foreach (var list in Lists)
        {
            urls.Add($"{Url}/{list}");
            urls.Add($"{Url}/{list}/Export?format=csv");
            urls.Add($"{Url}/{list}/Export?format=xlsx");
        }

        foreach (var url in urls)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_school_leader_has_no_signal_list_pill()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await client.GetPageAsync("/Reports/Care");

        Assert.DoesNotContain("Signaallijsten", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Reports/Coordinator", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Reports/Coordinator/onbekend")]
    [InlineData("/Reports/Coordinator/onbekend/Export?format=csv")]
    [InlineData("/Reports/Coordinator/opp/Export?format=pdf")]
    [InlineData("/Reports/Coordinator/opp/Export?format=csv&locationId=99999")]
    public async Task An_unknown_list_or_format_or_location_in_an_export_answers_404(string url)
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Viewing_a_list_is_audited_for_every_pupil_on_it()
    {
        await SeedAsync();
        var id = Org.UserIds[TestOrganisation.CoordinatorNorth];
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        await client.GetPageAsync($"{Url}/zat");

        var entries = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.UserId == id && a.SubjectType == "CoordinatorReport")
            .ToListAsync());
        Assert.Contains(entries, a => a.Action == AuditAction.Read && a.PupilId == Org.Pupils["Anna"] && a.SubjectId == "zat");
        Assert.Contains(entries, a => a.Action == AuditAction.Read && a.PupilId == null && a.SubjectId == "zat:alle");
        Assert.DoesNotContain(entries, a => a.PupilId == Org.Pupils["Sem"]);
    }

    [Fact]
    public async Task Both_exports_hold_the_names_and_are_audited_per_pupil()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);
        var before = await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export
                                                                                    && a.SubjectType == "CoordinatorReport"
                                                                                    && a.PupilId == Fixture.Org.Pupils["Sem"]));

        var csv = await client.GetAsync(new Uri($"{Url}/actiepunten/Export?format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var xlsx = await client.GetAsync(new Uri($"{Url}/actiepunten/Export?format=xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("Leerling;Klas;Zorgmedewerker;Actiepunten te laat;Oudste deadline", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Anna de Jong;1A;Zorg Noord;1;19-11-2026", text, StringComparison.Ordinal);
        Assert.Contains("Sem Bakker", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Anna de Jong", cells);
        Assert.Contains("Sem Bakker", cells);

        Assert.Equal(before + 2, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export
                                                                                               && a.SubjectType == "CoordinatorReport"
                                                                                               && a.PupilId == Fixture.Org.Pupils["Sem"])));
    }

    [Fact]
    public async Task A_long_list_comes_in_pages_of_twenty_with_the_oldest_deadline_first()
    {
        await SeedAsync();
        await Fixture.OnceAsync("many-overdue", async () =>
        {
            for (var i = 0; i < 21; i++)
            {
                await CaseAsync("Carmen", 15, (r, now) =>
                    r.AddActionItem(r.AssignedCareWorkerId!, r.AssignedCareWorkerId!, "Later te laat", Today.AddDays(-1), now.AddDays(-5)));
            }

            return true;
        });
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var first = await client.GetPageAsync($"{Url}/actiepunten");
        var second = await client.GetPageAsync($"{Url}/actiepunten?page=2");

        Assert.Contains("Anna de Jong", first, StringComparison.Ordinal);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(first, "<th scope=\"row\">"));
        Assert.Contains("aria-label=\"Pagina 2\"", first, StringComparison.Ordinal);
        Assert.Contains("1 tot en met 20 getoond", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna de Jong", second, StringComparison.Ordinal);
        Assert.Contains("Carmen van Dijk", second, StringComparison.Ordinal);
        Assert.Contains("21 tot en met", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_case_and_an_item_done_drop_off_the_lists()
    {
        await SeedAsync();
        var done = await CaseAsync("Carmen", 10, (r, now) =>
        {
            var item = r.AddActionItem(r.AssignedCareWorkerId!, r.AssignedCareWorkerId!, "AFGEROND-ITEM", Today.AddDays(-1), now.AddDays(-5));
            item.MarkDone(now);
        });
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await client.GetPageAsync($"{Url}/actiepunten");

        Assert.DoesNotContain($"/Referrals/Details/{done}\"", html, StringComparison.Ordinal);
    }
}

public sealed class CoordinatorReportTests_Sqlite(SqlitePortalFixture fixture) : CoordinatorReportTests<SqlitePortalFixture>(fixture);

public sealed class CoordinatorReportTests_PostgreSql(PostgreSqlPortalFixture fixture) : CoordinatorReportTests<PostgreSqlPortalFixture>(fixture);

public sealed class CoordinatorReportTests_SqlServer(SqlServerPortalFixture fixture) : CoordinatorReportTests<SqlServerPortalFixture>(fixture);

/// <summary>The lists with names go through the same CSV and Excel writing as the counts, formula neutralisation included.</summary>
public sealed class TextTableExportTests
{
    private static readonly TextTable Table = new(["Leerling", "Instantie"],
        [["Anna de Jong", "=HYPERLINK(\"http://x\")"], ["@Bram", "Jeugdzorg; regio \"Noord\""]]);

    [Fact]
    public void A_list_of_text_is_written_as_csv_with_a_bom_quoted_and_neutralised()
    {
        var bytes = ReportExport.ToCsv(Table);

        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "Leerling;Instantie",
            "Anna de Jong;\"'=HYPERLINK(\"\"http://x\"\")\"",
            "'@Bram;\"Jeugdzorg; regio \"\"Noord\"\"\"",
        ], lines);
    }

    [Fact]
    public void A_list_of_text_is_written_as_excel_text_cells_without_formulas()
    {
        using var stream = new MemoryStream(ReportExport.ToXlsx(Table, "Wachten op terugkoppeling van de instanties"));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);

        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal(["Leerling", "Instantie", "Anna de Jong", "=HYPERLINK(\"http://x\")", "@Bram", "Jeugdzorg; regio \"Noord\""],
            cells.Select(c => c.InnerText));
        Assert.All(cells, c => Assert.Null(c.CellFormula));
        Assert.Equal("Wachten op terugkoppeling van d", document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }
}
