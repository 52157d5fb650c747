using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Import;

/// <summary>Importing pupils from the pupil administration: preview, confirm, idempotence, audit and who may do it.</summary>
public abstract class ImportTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Header = "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Locatie;Mentor;E-mail ouder";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, int? locationId = null, bool full = false)
    {
        var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/Import"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(locationId?.ToString(CultureInfo.InvariantCulture) ?? ""), "locationId");
        form.Add(new StringContent(full ? "true" : "false"), "fullImport");
        form.Add(new StringContent("2026-11-30"), "leavingDate");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri("/Import/Upload", UriKind.Relative), form);
    }

    /// <summary>Uploads and returns the preview's address.</summary>
    private static async Task<string> PreviewOfAsync(HttpClient client, string csv, int? locationId = null, bool full = false)
    {
        var response = await UploadAsync(client, "export.csv", Encoding.UTF8.GetBytes(csv), locationId, full);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string preview) =>
        client.PostFormAsync(preview, preview.Replace("/Preview/", "/Confirm/", StringComparison.Ordinal), []);

    [Fact]
    public async Task Confirming_applies_exactly_what_the_preview_showed()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var csv = $"{Header}\n" +
                  "I2001;Nina;;Vos;01-02-2014;1A;T-N;;nina.ouder@test.example\n" +
                  "I2002;Omar;;Haddou;11-10-2013;1Z;T-N;mentor-a@test.example;\n" +
                  "T1002;Bram;;Visser;14-03-2012;2B;T-N;;\n";

        var preview = await PreviewOfAsync(admin, csv);
        var html = await admin.GetPageAsync(preview);
        var confirm = await ConfirmAsync(admin, preview);

        Assert.Contains("Nieuwe leerlingen: 2", html, StringComparison.Ordinal);
        Assert.Contains("Naar een andere mentorgroep: 1", html, StringComparison.Ordinal);
        Assert.Contains("Nieuwe mentorgroepen: 1 (1Z)", html, StringComparison.Ordinal);
        Assert.Contains("Nieuwe mentorkoppelingen: 1", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var uploadId = Guid.Parse(preview.AsSpan(preview.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
        var result = await Fixture.QueryAsync(async db => new
        {
            Nina = await db.Pupils.Include(p => p.Guardians).Include(p => p.MentorGroup).SingleAsync(p => p.Number == "I2001"),
            OmarGroup = await db.Pupils.Where(p => p.Number == "I2002").Select(p => p.MentorGroup!.Name).SingleAsync(),
            BramGroup = await db.Pupils.Where(p => p.Number == "T1002").Select(p => p.MentorGroup!.Name).SingleAsync(),
            MentorOf1Z = await db.StaffMembers.Where(s => s.Id == Org.UserIds[TestOrganisation.MentorA])
                .SelectMany(s => s.MentorGroups).AnyAsync(g => db.MentorGroups.Any(m => m.Id == g.MentorGroupId && m.Name == "1Z")),
            UploadLeft = await db.ImportUploads.AnyAsync(u => u.Id == uploadId),
        });
        Assert.Equal("1A", result.Nina.MentorGroup!.Name);
        Assert.Equal(new DateOnly(2014, 2, 1), result.Nina.DateOfBirth);
        Assert.Equal("nina.ouder@test.example", Assert.Single(result.Nina.Guardians).Email);
        Assert.Equal("1Z", result.OmarGroup);
        Assert.Equal("2B", result.BramGroup);
        Assert.True(result.MentorOf1Z);
        Assert.False(result.UploadLeft);
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        Assert.Contains("Haddou", await mentor.GetPageAsync("/Pupils"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_imported_twice_reports_zero_changes_and_is_audited_with_its_counts()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var csv = $"{Header}\nI3001;Lieke;van;Rijn;05-05-2014;1A;T-N;;lieke.ouder@test.example\nI3002;Tim;;Stam;06-06-2014;1A;T-N;;\n";

        await ConfirmAsync(admin, await PreviewOfAsync(admin, csv));
        var second = await admin.GetPageAsync(await PreviewOfAsync(admin, csv));

        Assert.Contains("Nieuwe leerlingen: 0", second, StringComparison.Ordinal);
        Assert.Contains("Gewijzigd: 0", second, StringComparison.Ordinal);
        Assert.Contains("Ongewijzigd: 2", second, StringComparison.Ordinal);
        Assert.Contains("Er verandert niets", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Import bevestigen", second, StringComparison.Ordinal);
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectType == "PupilImport" && a.Action == AuditAction.Create
                                                                             && a.UserId == Org.UserIds[TestOrganisation.Admin]).Select(a => a.Detail).ToListAsync());
        Assert.Contains("nieuw 2, gewijzigd 0, verhuisd 0, vertrokken 0, groepen 0, mentorkoppelingen 0, ongewijzigd 0", audit);
        Assert.Equal(2, await Fixture.QueryAsync(db => db.Pupils.CountAsync(p => p.Number == "I3001" || p.Number == "I3002")));
    }

    [Fact]
    public async Task A_file_with_a_failing_row_writes_nothing_even_when_confirmed()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var csv = $"{Header}\nI4001;Fleur;;Kok;01-01-2014;1A;T-N;;\nI4002;Jesse;;Mol;31-02-2014;1A;T-N;;\nI4003;Roos;;Lam;01-01-2014;1A;West;;\n";

        var preview = await PreviewOfAsync(admin, csv);
        var html = await admin.GetPageAsync(preview);
        var confirm = await ConfirmAsync(admin, preview);
        var after = await admin.GetPageAsync(confirm.Headers.Location!.OriginalString);

        Assert.Contains("geboortedatum &#x27;31-02-2014&#x27; is geen geldige datum", html, StringComparison.Ordinal);
        Assert.Contains("onbekende locatie &#x27;West&#x27;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Import bevestigen", html, StringComparison.Ordinal);
        Assert.Contains("er is niets geïmporteerd", after, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Pupils.AnyAsync(p => p.Number.StartsWith("I400"))));
    }

    [Fact]
    public async Task A_full_import_marks_absent_pupils_as_left_and_never_deletes_them()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var csv = $"{Header}\nI5001;Jade;;Wit;01-01-2013;3C;T-Z;;\n";

        var preview = await PreviewOfAsync(admin, csv, full: true);
        var html = await admin.GetPageAsync(preview);
        await ConfirmAsync(admin, preview);

        Assert.Contains("Als vertrokken gemarkeerd (per 30-11-2026): 1", html, StringComparison.Ordinal);
        var sem = await Fixture.QueryAsync(db => db.Pupils.SingleAsync(p => p.Number == "T1004"));
        Assert.Equal(new DateOnly(2026, 11, 30), sem.LeftOn);
        var list = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerSouth)).GetPageAsync("/Pupils?search=Bakker");
        Assert.Contains("vertrokken per 30-11-2026", list, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "leerlingen.pdf", "%PDF-1.4", "worden niet ondersteund" },
        { "leeg.csv", "", "Het bestand is leeg" },
        { "kop.csv", Header + "\n", "alleen een kopregel" },
        { "quote.csv", "Leerlingnummer;Roepnaam\n1;\"Anna\n", "wordt niet gesloten" },
        { "mixed.csv", "Leerlingnummer;Roepnaam;Achternaam\n1,Anna,Jong\n", "ander scheidingsteken" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_Dutch_message_and_nothing_is_stored(string name, string content, string message)
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var before = await Fixture.QueryAsync(db => db.ImportUploads.CountAsync());

        var response = await UploadAsync(admin, name, Encoding.UTF8.GetBytes(content));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await Fixture.QueryAsync(db => db.ImportUploads.CountAsync()));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_in_Dutch()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await UploadAsync(admin, "groot.csv", new byte[50 * 1024 * 1024]);

        Assert.Contains("te groot", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unrecognised_columns_are_mapped_by_the_user_before_anything_is_planned()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var preview = await PreviewOfAsync(admin, "Code;Naam 1;Naam 2;Geb.;Lievelingsvak\nI8001;Ruben;Stol;03-03-2014;gym\n", Org.NorthId);

        var before = await admin.GetPageAsync(preview);
        var mapped = await admin.PostFormAsync(preview, preview.Replace("/Preview/", "/Map/", StringComparison.Ordinal),
            [new("mapping", "Number"), new("mapping", "FirstName"), new("mapping", "LastName"), new("mapping", "DateOfBirth"), new("mapping", "Ignore")]);
        var after = await admin.GetPageAsync(mapped.Headers.Location!.OriginalString);

        Assert.Contains("Koppel ten minste de kolommen", before, StringComparison.Ordinal);
        Assert.Contains("Nieuwe leerlingen: 1", after, StringComparison.Ordinal);
        Assert.Contains("I8001 Ruben Stol: nieuwe leerling", after, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Pupils.AnyAsync(p => p.Number == "I8001")));
    }

    [Fact]
    public async Task Someone_elses_upload_answers_404_and_a_cancelled_upload_is_gone()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var preview = await PreviewOfAsync(admin, $"{Header}\nI6001;Mats;;Jonk;01-01-2014;1A;T-N;;\n");
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var token = HttpClientExtensions.AntiforgeryToken(await coordinator.GetPageAsync("/Import"));

        var get = await coordinator.GetAsync(new Uri(preview, UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await coordinator.PostAsync(new Uri(preview.Replace("/Preview/", "/Confirm/", StringComparison.Ordinal), UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);

        var cancel = await coordinator.PostAsync(new Uri(preview.Replace("/Preview/", "/Cancel/", StringComparison.Ordinal), UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
        var ownCancel = await admin.PostFormAsync(preview, preview.Replace("/Preview/", "/Cancel/", StringComparison.Ordinal), []);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Contains("er is niets veranderd", await admin.GetPageAsync(ownCancel.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(preview, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await Fixture.QueryAsync(db => db.Pupils.AnyAsync(p => p.Number == "I6001")));
    }

    [Fact]
    public async Task The_coordinator_imports_for_their_own_location_only()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var page = await coordinator.GetPageAsync("/Import");
        var html = await coordinator.GetPageAsync(await PreviewOfAsync(coordinator, $"{Header}\nI7001;Eva;;Prins;01-01-2014;3C;T-Z;;\n"));

        Assert.Contains("Locatie Noord", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Locatie Zuid", page, StringComparison.Ordinal);
        Assert.Contains("je mag voor deze locatie niet importeren", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerC)]
    [InlineData(TestOrganisation.SchoolLeader)]
    public async Task Other_roles_may_not_import(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var page = await client.GetAsync(new Uri("/Import", UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await client.PostFormAsync("/", "/Import/Upload", []);

        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public sealed class ImportTests_Sqlite(SqlitePortalFixture fixture) : ImportTests<SqlitePortalFixture>(fixture);

public sealed class ImportTests_PostgreSql(PostgreSqlPortalFixture fixture) : ImportTests<PostgreSqlPortalFixture>(fixture);

public sealed class ImportTests_SqlServer(SqlServerPortalFixture fixture) : ImportTests<SqlServerPortalFixture>(fixture);
