using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Import;

/// <summary>
/// Import files built to exhaust the server are refused with a Dutch message and nothing is written; the
/// table is read once, at upload, and the preview and the confirmation use what was stored (ADR 0037).
/// </summary>
public abstract class HostileImportFileTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    public static TheoryData<string> Cases => [.. HostileFiles.Cases.Keys];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/Import"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(""), "locationId");
        form.Add(new StringContent("false"), "fullImport");
        form.Add(new StringContent("2026-11-30"), "leavingDate");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri("/Import/Upload", UriKind.Relative), form);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_file_is_refused_with_a_Dutch_message_and_nothing_is_written(string name)
    {
        var (fileName, build, message) = HostileFiles.Cases[name];
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var before = await Fixture.QueryAsync(async db => (Uploads: await db.ImportUploads.CountAsync(), Pupils: await db.Pupils.CountAsync(),
            Audit: await db.AuditEntries.CountAsync(a => a.SubjectType == "ImportUpload")));

        var response = await UploadAsync(admin, fileName, build());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        var after = await Fixture.QueryAsync(async db => (Uploads: await db.ImportUploads.CountAsync(), Pupils: await db.Pupils.CountAsync(),
            Audit: await db.AuditEntries.CountAsync(a => a.SubjectType == "ImportUpload")));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_table_read_at_upload_is_what_the_preview_and_the_confirmation_use()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var csv = "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Klas;Locatie\nH9001;Noor;Smit;01-02-2014;1A;T-N\n";
        var upload = await UploadAsync(admin, "export.csv", Encoding.UTF8.GetBytes(csv));
        var preview = upload.Headers.Location!.OriginalString;
        var id = Guid.Parse(preview.AsSpan(preview.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);

        // Change the stored table behind the portal's back: if the file were read again, this would not show.
        var stored = await Fixture.QueryAsync(async db =>
        {
            var row = await db.ImportUploads.SingleAsync(u => u.Id == id);
            row.Table = row.Table!.Replace("Noor", "Noortje", StringComparison.Ordinal);
            await db.SaveChangesAsync();
            return row.Table;
        });
        var html = await admin.GetPageAsync(preview);
        await admin.PostFormAsync(preview, preview.Replace("/Preview/", "/Confirm/", StringComparison.Ordinal), []);

        Assert.Contains("H9001", stored, StringComparison.Ordinal);
        Assert.Contains("H9001 Noortje Smit: nieuwe leerling", html, StringComparison.Ordinal);
        Assert.Equal("Noortje", await Fixture.QueryAsync(db => db.Pupils.Where(p => p.Number == "H9001").Select(p => p.Name.FirstName).SingleAsync()));
    }
}

public sealed class HostileImportFileTests_Sqlite(SqlitePortalFixture fixture) : HostileImportFileTests<SqlitePortalFixture>(fixture);

public sealed class HostileImportFileTests_PostgreSql(PostgreSqlPortalFixture fixture) : HostileImportFileTests<PostgreSqlPortalFixture>(fixture);

public sealed class HostileImportFileTests_SqlServer(SqlServerPortalFixture fixture) : HostileImportFileTests<SqlServerPortalFixture>(fixture);
