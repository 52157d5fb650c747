using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Audit;

/// <summary>
/// The audit log (ADR 0020): from where, refused access, deletions, the append-only table, the viewer with
/// its reach per role, the export and the unusual-access overview. Lines a test needs are inserted on days
/// of their own in 2025, and the viewer is filtered on those days, so tests sharing the fixture do not meet.
/// </summary>
public abstract partial class AuditTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly string[] MentorsOwnPupils = ["Anna", "Bram", "Anna"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // ---- from where, refused access, deletion ---------------------------------------------------------------

    [Fact]
    public async Task Every_new_audit_line_records_the_client_address_the_request_came_from()
    {
        // The in-memory test server has no network connection; this host gives every request the address a
        // real server would read from the socket, so the test proves the address is taken from the connection.
        await using var factory = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter, FromAddress>()));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Email"] = TestOrganisation.CoordinatorNorth, ["Password"] = TestOrganisation.Password });
        var (anna, sem) = (Org.Pupils["Anna"], Org.Pupils["Sem"]);

        await client.GetPageAsync($"/Pupils/Details/{anna}");
        var refused = await client.GetAsync(new Uri($"/Pupils/Details/{sem}", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var lines = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.UserId == Org.UserIds[TestOrganisation.CoordinatorNorth])
            .OrderByDescending(a => a.Id).Take(2).ToListAsync(Cancel));
        Assert.Equal([AuditAction.AccessRefused, AuditAction.Read], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal("203.0.113.7", l.ClientAddress));
    }

    private sealed class FromAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:203.0.113.7"); // IPv4 over IPv6, stored as IPv4
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task A_refused_access_on_a_foreign_id_is_recorded_with_the_record_kind_and_id()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var sem = Org.Pupils["Sem"];
        var before = await CountAsync(AuditAction.AccessRefused, "Pupils", sem, TestOrganisation.CoordinatorNorth);

        var response = await coordinator.GetAsync(new Uri($"/Pupils/Details/{sem}", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before + 1, await CountAsync(AuditAction.AccessRefused, "Pupils", sem, TestOrganisation.CoordinatorNorth));
        var line = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.AccessRefused)
            .OrderByDescending(a => a.Id).FirstAsync(Cancel));
        Assert.Null(line.PupilId);
    }

    [Fact]
    public async Task A_page_refused_by_its_role_is_recorded_with_its_path_and_without_its_query()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var response = await mentor.GetAsync(new Uri("/Reports?locationId=1", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await mentor.GetPageAsync(response.Headers.Location!.PathAndQuery);

        var userId = Org.UserIds[TestOrganisation.MentorA];
        var line = await Fixture.QueryAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.AccessRefused && a.UserId == userId && a.SubjectType == "Page")
            .OrderByDescending(a => a.Id).FirstAsync(Cancel));
        Assert.Equal("/Reports", line.SubjectId);
    }

    [Fact]
    public async Task A_refused_access_to_a_case_out_of_reach_is_recorded_and_a_page_in_reach_is_not()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorB);
        var referral = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, Domain.Care.ReferralStatus.Submitted);
        var refusedBefore = await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessRefused, Cancel));

        var refused = await mentor.GetAsync(new Uri($"/Referrals/Details/{referral}", UriKind.Relative), Cancel);
        await mentor.GetPageAsync("/Pupils");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(1, await CountAsync(AuditAction.AccessRefused, "Referrals", referral, TestOrganisation.MentorB));
        Assert.Equal(refusedBefore + 1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessRefused, Cancel)));
    }

    [Fact]
    public async Task Uploading_an_import_file_is_audited_and_cancelling_it_is_audited_as_a_deletion()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var token = HttpClientExtensions.AntiforgeryToken(await admin.GetPageAsync("/Import"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Locatie;Mentor;E-mail ouder\nA9001;Lot;;Verwijderd;01-01-2014;1A;T-N;;\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "export.csv");
        form.Add(new StringContent(""), "locationId");
        form.Add(new StringContent("false"), "fullImport");
        form.Add(new StringContent("2026-11-30"), "leavingDate");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var upload = await admin.PostAsync(new Uri("/Import/Upload", UriKind.Relative), form, Cancel);
        var preview = upload.Headers.Location!.OriginalString;
        var id = Guid.Parse(preview[(preview.LastIndexOf('/') + 1)..]);

        var cancel = await admin.PostFormAsync(preview, preview.Replace("/Preview/", "/Cancel/", StringComparison.Ordinal), []);

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var subjectId = id.ToString("N", CultureInfo.InvariantCulture);
        var lines = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectType == "ImportUpload" && a.SubjectId == subjectId
            && a.UserId == Org.UserIds[TestOrganisation.Admin]).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Cancel));
        Assert.Equal([AuditAction.Create, AuditAction.Delete], lines);
    }

    // ---- append-only -------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_lines_through_the_apps_own_connection()
    {
        var id = await InsertAsync(new AuditEntry(Day(2025, 1, 6, 10), Org.UserIds[TestOrganisation.MentorA], AuditAction.Read, "Pupil", "1", Org.Pupils["Anna"]));

        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEntries\" SET \"UserId\" = 'iemand-anders' WHERE \"Id\" = {id}", Cancel));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}", Cancel));
        var deleteAll = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Cancel));
        var bulk = await Record.ExceptionAsync(() => db.AuditEntries.Where(a => a.Id == id).ExecuteDeleteAsync(Cancel));

        Assert.All(new[] { update, delete, deleteAll, bulk }, e => Assert.Contains("alleen aan te vullen", e?.Message ?? "(geen fout)", StringComparison.Ordinal));
        var line = await Fixture.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Id == id, Cancel));
        Assert.Equal(Org.UserIds[TestOrganisation.MentorA], line.UserId);
    }

    [Fact]
    public async Task The_database_refuses_to_truncate_the_audit_table_on_PostgreSql()
    {
        if (Fixture.Database.Provider != DatabaseProvider.PostgreSql)
        {
            return; // SQLite has no TRUNCATE; its unqualified DELETE is refused by the test above.
        }

        await InsertAsync(new AuditEntry(Day(2025, 1, 7, 10), Org.UserIds[TestOrganisation.MentorA], AuditAction.Read, "Pupil", "1", null));
        var before = await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(Cancel));
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var truncate = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\"", Cancel));

        Assert.Contains("alleen aan te vullen", truncate?.Message ?? "(geen fout)", StringComparison.Ordinal);
        Assert.Equal(before, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Inserting_audit_lines_still_works_with_the_protection_in_place()
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var before = await db.AuditEntries.CountAsync(Cancel);

        var inserted = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AuditEntries\" (\"At\", \"UserId\", \"Action\", \"SubjectType\", \"SubjectId\") VALUES ({0}, {1}, 'Read', 'Pupil', '1')",
            [Day(2025, 1, 8, 10), Org.UserIds[TestOrganisation.MentorA]], Cancel);
        await InsertAsync(new AuditEntry(Day(2025, 1, 8, 11), Org.UserIds[TestOrganisation.MentorA], AuditAction.Read, "Pupil", "2", null));

        Assert.Equal(1, inserted);
        Assert.Equal(before + 2, await db.AuditEntries.CountAsync(Cancel));
    }

    [Fact]
    public async Task Audit_lines_have_no_foreign_key_so_deleting_a_pupil_leaves_them_as_they_are()
    {
        var keys = await Fixture.QueryAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(AuditEntry))!.GetForeignKeys().ToList()));

        Assert.Empty(keys);
    }

    // ---- the viewer --------------------------------------------------------------------------------------------

    public static TheoryData<string> NonReviewers => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerC, TestOrganisation.SchoolLeader,
    };

    [Theory]
    [MemberData(nameof(NonReviewers))]
    public async Task Only_the_coordinator_the_privacy_officer_and_the_admin_reach_the_audit_log(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { "/Audit", "/Audit/Export?format=csv", "/Audit/Unusual" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/Audit\"", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_and_admin_find_the_audit_log_in_the_navigation_and_viewing_it_is_audited()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        Assert.Contains("href=\"/Audit\"", await coordinator.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit\"", await admin.GetPageAsync("/"), StringComparison.Ordinal);
        var before = await CountAsync(AuditAction.Read, "AuditLog", null, TestOrganisation.CoordinatorNorth);

        var html = await coordinator.GetPageAsync("/Audit");

        Assert.Contains("<h1 class=\"h3 mb-0\">Auditlog</h1>", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync(AuditAction.Read, "AuditLog", null, TestOrganisation.CoordinatorNorth));
    }

    [Fact]
    public async Task The_viewer_filters_on_user_pupil_period_and_action()
    {
        var (mentor, worker) = (Org.UserIds[TestOrganisation.MentorA], Org.UserIds[TestOrganisation.CareWorkerNorth]);
        var (anna, bram) = (Org.Pupils["Anna"], Org.Pupils["Bram"]);
        await InsertAsync(
            new AuditEntry(Day(2025, 2, 3, 9), mentor, AuditAction.Read, "Pupil", Key(anna), anna).From("10.0.0.1"),
            new AuditEntry(Day(2025, 2, 3, 10), mentor, AuditAction.Update, "Referral", "77", bram).From("10.0.0.2"),
            new AuditEntry(Day(2025, 2, 4, 9), worker, AuditAction.Read, "Pupil", Key(bram), bram).From("10.0.0.3"),
            new AuditEntry(Day(2025, 2, 5, 9), worker, AuditAction.Export, "Report", "dashboard", null).From("10.0.0.4"),
            new AuditEntry(Day(2025, 2, 6, 9), mentor, AuditAction.Read, "Pupil", Key(anna), anna).From("10.0.0.5"));
        var admin = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth); // the reviewer of these north pupils, by name
        const string period = "from=2025-02-03&to=2025-02-05";

        Assert.Equal(["10.0.0.4", "10.0.0.3", "10.0.0.2", "10.0.0.1"], Addresses(await admin.GetPageAsync($"/Audit?{period}")));
        Assert.Equal(["10.0.0.2", "10.0.0.1"], Addresses(await admin.GetPageAsync($"/Audit?{period}&userId={mentor}")));
        Assert.Equal(["10.0.0.1"], Addresses(await admin.GetPageAsync($"/Audit?{period}&pupil=anna")));
        Assert.Equal(["10.0.0.2"], Addresses(await admin.GetPageAsync($"/Audit?{period}&pupil=T1002&userId={mentor}")));
        Assert.Equal(["10.0.0.2"], Addresses(await admin.GetPageAsync($"/Audit?{period}&auditAction=Update")));
        Assert.Equal(["10.0.0.5", "10.0.0.4"], Addresses(await admin.GetPageAsync("/Audit?from=05-02-2025&to=06-02-2025")));

        var html = await admin.GetPageAsync($"/Audit?{period}&userId={mentor}");
        Assert.Contains("Anna de Jong (T1001)", html, StringComparison.Ordinal);
        Assert.Contains("Ingezien", html, StringComparison.Ordinal);
        Assert.Contains("Gewijzigd", html, StringComparison.Ordinal);
        Assert.Contains("03-02-2025 10:00:00", html, StringComparison.Ordinal); // 09:00 UTC is 10:00 in Amsterdam in winter
    }

    [Fact]
    public async Task The_viewer_shows_fifty_lines_a_page()
    {
        var worker = Org.UserIds[TestOrganisation.CareWorkerNorth];
        await InsertAsync(Enumerable.Range(0, 60)
            .Select(i => new AuditEntry(Day(2025, 2, 10, 8).AddMinutes(i), worker, AuditAction.Read, "Pupil", Key(Org.Pupils["Carmen"]), Org.Pupils["Carmen"]))
            .ToArray());
        var admin = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var first = await admin.GetPageAsync("/Audit?from=2025-02-10&to=2025-02-10");
        var second = await admin.GetPageAsync("/Audit?from=2025-02-10&to=2025-02-10&page=2");

        Assert.Contains("60 regels, 1 tot en met 50", first, StringComparison.Ordinal);
        Assert.Equal(50, Rows(first));
        Assert.Equal(10, Rows(second));
        Assert.Contains("href=\"/Audit?from=2025-02-10&amp;to=2025-02-10&amp;page=2\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_sees_lines_about_their_own_locations_and_never_about_another_locations_pupils()
    {
        var (northWorker, southWorker) = (Org.UserIds[TestOrganisation.CareWorkerNorth], Org.UserIds[TestOrganisation.CareWorkerSouth]);
        var (anna, sem) = (Org.Pupils["Anna"], Org.Pupils["Sem"]);
        await InsertAsync(
            new AuditEntry(Day(2025, 3, 3, 9), southWorker, AuditAction.Read, "Pupil", Key(anna), anna).From("10.1.0.1"),  // about a north pupil
            new AuditEntry(Day(2025, 3, 3, 10), northWorker, AuditAction.Read, "Pupil", Key(sem), sem).From("10.1.0.2"),   // about a south pupil
            new AuditEntry(Day(2025, 3, 3, 11), southWorker, AuditAction.Export, "Report", "x", null).From("10.1.0.3"),   // no pupil, south user
            new AuditEntry(Day(2025, 3, 3, 12), northWorker, AuditAction.Export, "Report", "y", null).From("10.1.0.4"));  // no pupil, north user
        var north = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var south = await SouthCoordinatorAsync();
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        const string day = "/Audit?from=2025-03-03&to=2025-03-03";

        Assert.Equal(["10.1.0.4", "10.1.0.1"], Addresses(await north.GetPageAsync(day)));
        Assert.Equal(["10.1.0.3", "10.1.0.2"], Addresses(await south.GetPageAsync(day)));
        // The admin only the lines without a pupil; the privacy officer all four (pupils pseudonymised, ADR 0034).
        Assert.Equal(["10.1.0.4", "10.1.0.3"], Addresses(await admin.GetPageAsync(day)));
        var privacyOfficer = await Fixture.ClientForAsync(TestOrganisation.PrivacyOfficer);
        Assert.Equal(["10.1.0.4", "10.1.0.3", "10.1.0.2", "10.1.0.1"], Addresses(await privacyOfficer.GetPageAsync(day)));

        // Filtering on the other location's pupil or user does not widen the reach.
        Assert.Empty(Addresses(await north.GetPageAsync($"{day}&pupilId={sem}")));
        Assert.Empty(Addresses(await north.GetPageAsync($"{day}&pupil=Bakker")));
        Assert.Empty(Addresses(await north.GetPageAsync($"{day}&userId={northWorker}&pupilId={sem}")));
        var export = await (await north.GetAsync(new Uri($"/Audit/Export?format=csv&from=2025-03-03&to=2025-03-03", UriKind.Relative), Cancel))
            .Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("10.1.0.2", export, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.0.3", export, StringComparison.Ordinal);
        Assert.Contains("10.1.0.1", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_lines_and_is_itself_audited()
    {
        var mentor = Org.UserIds[TestOrganisation.MentorA];
        var anna = Org.Pupils["Anna"];
        await InsertAsync(
            new AuditEntry(Day(2025, 3, 10, 9), mentor, AuditAction.Read, "Pupil", Key(anna), anna).From("10.2.0.1"),
            new AuditEntry(Day(2025, 3, 11, 9), mentor, AuditAction.AccessRefused, "Referrals", "=1+1", null).From("10.2.0.2"));
        var admin = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var before = await CountAsync(AuditAction.Export, "AuditLog", null, TestOrganisation.CoordinatorNorth);

        var csv = await admin.GetAsync(new Uri("/Audit/Export?format=csv&from=2025-03-10&to=2025-03-11", UriKind.Relative), Cancel);
        var xlsx = await admin.GetAsync(new Uri("/Audit/Export?format=xlsx&from=2025-03-10&to=2025-03-11", UriKind.Relative), Cancel);
        var bad = await admin.GetAsync(new Uri("/Audit/Export?format=pdf", UriKind.Relative), Cancel);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Wanneer;Wie;Handeling;Wat;Kenmerk;Leerling;Vanaf (IP-adres);Toelichting", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("11-03-2025 10:00:00;Mentor A;Toegang geweigerd;Aanmelding;'=1+1;;10.2.0.2;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("10-03-2025 10:00:00;Mentor A;Ingezien;Leerlingdossier;", lines[2], StringComparison.Ordinal);
        Assert.Contains("Anna de Jong (T1001)", lines[2], StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal(before + 2, await CountAsync(AuditAction.Export, "AuditLog", null, TestOrganisation.CoordinatorNorth));
    }

    [Theory]
    [InlineData("/Audit?from=2025-05-10&to=2025-05-01", "De einddatum ligt vóór de begindatum.")]
    [InlineData("/Audit?from=31-02-2025", "De begindatum is geen geldige datum; schrijf hem als dd-mm-jjjj.")]
    [InlineData("/Audit?to=morgen", "De einddatum is geen geldige datum; schrijf hem als dd-mm-jjjj.")]
    [InlineData("/Audit?auditAction=Wissen", "Kies een handeling uit de lijst.")]
    [InlineData("/Audit?auditAction=3", "Kies een handeling uit de lijst.")]
    [InlineData("/Audit/Unusual?from=2025-05-10&to=2025-05-01", "De einddatum ligt vóór de begindatum.")]
    [InlineData("/Audit/Unusual?from=1-13-2025", "De begindatum is geen geldige datum; schrijf hem als dd-mm-jjjj.")]
    [InlineData("/Audit/Unusual?from=2023-01-01&to=2025-01-01", "Kies een periode van hoogstens 366 dagen.")]
    public async Task A_bad_filter_answers_with_a_Dutch_message_and_the_page(string url, string message)
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.GetAsync(new Uri(url, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    // ---- unusual access ----------------------------------------------------------------------------------------

    [Fact]
    public async Task The_unusual_access_overview_flags_many_dossiers_outside_the_caseload_and_not_a_mentor_reading_their_own_group()
    {
        var (worker, mentor) = (Org.UserIds[TestOrganisation.CareWorkerNorth], Org.UserIds[TestOrganisation.MentorA]);
        var extra = await ExtraPupilsAsync(12);
        var ownCase = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, Domain.Care.ReferralStatus.Triaged, TestOrganisation.CareWorkerNorth);
        var lines = extra.Select((p, i) => new AuditEntry(Day(2025, 4, 7, 9).AddMinutes(i), worker, AuditAction.Read, "Pupil", Key(p), p))
            .Concat(Enumerable.Range(0, 5).Select(i => new AuditEntry(Day(2025, 4, 8, 9).AddMinutes(i), worker, AuditAction.Read, "Referral", Key(ownCase), Org.Pupils["Carmen"])))
            .Append(new AuditEntry(Day(2025, 4, 12, 9), worker, AuditAction.Read, "Pupil", Key(extra[0]), extra[0])) // Saturday
            .Append(new AuditEntry(Day(2025, 4, 9, 19), worker, AuditAction.Read, "Pupil", Key(extra[1]), extra[1])) // 21:00 in Amsterdam
            .Append(new AuditEntry(Day(2025, 4, 9, 10), worker, AuditAction.AccessRefused, "Pupils", "4", null))
            .Concat(MentorsOwnPupils.Select((name, i) => new AuditEntry(Day(2025, 4, 9, 8).AddMinutes(i), mentor, AuditAction.Read, "Pupil", Key(Org.Pupils[name]), Org.Pupils[name])))
            .ToArray();
        await InsertAsync(lines);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await coordinator.GetPageAsync("/Audit/Unusual?from=2025-04-07&to=2025-04-13");

        var rows = UnusualRows(html);
        Assert.Equal(worker, rows[0].User);
        Assert.True(rows[0].Flagged);
        Assert.Equal(["12", "1", "2", "0"], rows[0].Figures);
        var mentorRow = Assert.Single(rows, r => r.User == mentor);
        Assert.False(mentorRow.Flagged);
        Assert.Equal(["0", "0", "0", "0"], mentorRow.Figures);
        Assert.Contains($"href=\"/Audit?userId={worker}&amp;from=2025-04-07&amp;to=2025-04-13\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(AuditAction.Read, "AuditUnusualAccess", null, TestOrganisation.CoordinatorNorth, "2025-04-07:2025-04-13"));
    }

    [Fact]
    public async Task The_unusual_access_overview_defaults_to_the_last_thirty_days()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.PrivacyOfficer);

        var html = await admin.GetPageAsync("/Audit/Unusual");

        Assert.Contains("Periode: 24-10-2026 tot en met 22-11-2026.", html, StringComparison.Ordinal);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static DateTimeOffset Day(int year, int month, int day, int utcHour) => new(year, month, day, utcHour, 0, 0, TimeSpan.Zero);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> InsertAsync(params AuditEntry[] entries)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(Cancel);
        return entries[^1].Id;
    }

    private Task<int> CountAsync(AuditAction action, string subjectType, int? subjectId, string email, string? exactSubjectId = null)
    {
        var user = Org.UserIds[email];
        var id = exactSubjectId ?? subjectId?.ToString(CultureInfo.InvariantCulture);
        return Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.SubjectType == subjectType && a.UserId == user
                                                                        && (id == null || a.SubjectId == id), Cancel));
    }

    private async Task<List<int>> ExtraPupilsAsync(int count)
    {
        return await Fixture.OnceAsync("extra-pupils", async () =>
        {
            await using var scope = Fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var north = await db.Locations.SingleAsync(l => l.Id == Org.NorthId, Cancel);
            var pupils = Enumerable.Range(1, count)
                .Select(i => new Pupil($"X{i:000}", new PersonName("Extra", null, $"Leerling{i}"), new DateOnly(2012, 1, 1), north)).ToList();
            db.Pupils.AddRange(pupils);
            await db.SaveChangesAsync(Cancel);
            return pupils.Select(p => p.Id).ToList();
        });
    }

    private async Task<HttpClient> SouthCoordinatorAsync()
    {
        const string email = "coordinator-zuid@test.example";
        return await Fixture.OnceAsync("south-coordinator", async () =>
        {
            await using var scope = Fixture.Services.CreateAsyncScope();
            await TestOrganisation.CreateAccountAsync(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(),
                scope.ServiceProvider.GetRequiredService<PortalDbContext>(), email, "Coördinator Zuid", [StaffRole.Coordinator], [Org.SouthId], []);
            return await Fixture.SignInAsync(email);
        });
    }

    private static List<string> Addresses(string html) =>
        AddressCell().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static int Rows(string html) => Regex.Count(html, "data-testid=\"audit-row\"");

    private static List<(string User, bool Flagged, List<string> Figures)> UnusualRows(string html) =>
        UnusualRow().Matches(html)
            .Select(m => (m.Groups["user"].Value, m.Groups["flagged"].Value == "true",
                FigureCell().Matches(m.Groups["cells"].Value).Select(c => c.Groups[1].Value).ToList()))
            .ToList();

    [GeneratedRegex(@"<td class=""text-nowrap"">([^<]+)</td>")]
    private static partial Regex AddressCell();

    [GeneratedRegex(@"data-testid=""unusual-row"" data-user=""(?<user>[^""]+)"" data-flagged=""(?<flagged>true|false)"">(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex UnusualRow();

    [GeneratedRegex(@"<td class=""text-end[^""]*"">([^<]+)</td>")]
    private static partial Regex FigureCell();
}

public sealed class AuditTests_Sqlite(SqlitePortalFixture fixture) : AuditTests<SqlitePortalFixture>(fixture);

public sealed class AuditTests_PostgreSql(PostgreSqlPortalFixture fixture) : AuditTests<PostgreSqlPortalFixture>(fixture);

public sealed class AuditTests_SqlServer(SqlServerPortalFixture fixture) : AuditTests<SqlServerPortalFixture>(fixture);

/// <summary>The pure parts of the audit viewer and the refused-access capture.</summary>
public sealed class AuditRuleTests
{
    [Fact]
    public void Every_audit_action_has_a_Dutch_label()
    {
        var untranslated = Enum.GetValues<Domain.Auditing.AuditAction>()
            .Where(a => Web.Features.Audit.AuditText.Action(a) == a.ToString()).ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void The_filter_reads_iso_and_Dutch_dates_and_an_action_by_name_only()
    {
        var (filter, errors) = Web.Features.Audit.AuditFilter.Parse(new("u1", " anna ", null, "2026-03-29", "30-03-2026", "Export"));

        Assert.Empty(errors);
        Assert.Equal(("u1", "anna", new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30), (AuditAction?)AuditAction.Export),
            (filter.UserId, filter.Pupil, filter.From, filter.To, filter.Action));
        // Midnight in Amsterdam: winter time on 29 March (the clocks go forward at 02:00), summer time after 30 March.
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), filter.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 22, 0, 0, TimeSpan.Zero), filter.End);
    }

    [Fact]
    public void A_bad_filter_part_is_left_out_and_reported_in_Dutch()
    {
        var (filter, errors) = Web.Features.Audit.AuditFilter.Parse(new(null, null, null, "2026-05-10", "2026-05-01", "7"));

        Assert.Equal((null, null, null), ((DateOnly?)filter.From, (DateOnly?)filter.To, filter.Action));
        Assert.Equal(["De einddatum ligt vóór de begindatum.", "Kies een handeling uit de lijst."], errors.Select(e => e.Message));
    }

    [Fact]
    public void The_record_id_of_a_refused_request_is_the_id_route_value_or_else_the_first_named_like_an_id()
    {
        Assert.Equal("12", global::LeerlingzorgPortal.Web.Security.RefusedAccessAuditFilter.RecordId(new Dictionary<string, object?> { ["controller"] = "Pupils", ["id"] = 12 }));
        Assert.Equal("7", global::LeerlingzorgPortal.Web.Security.RefusedAccessAuditFilter.RecordId(new Dictionary<string, object?> { ["controller"] = "Meetings", ["pupilId"] = "7" }));
        Assert.Null(global::LeerlingzorgPortal.Web.Security.RefusedAccessAuditFilter.RecordId(new Dictionary<string, object?> { ["controller"] = "Reports", ["list"] = "zat" }));
        Assert.Null(global::LeerlingzorgPortal.Web.Security.RefusedAccessAuditFilter.RecordId(new Dictionary<string, object?> { ["id"] = "" }));
    }
}
