using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Retention;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Retention;

/// <summary>
/// Inzage: the coordinator's export of everything kept about one pupil holds a record of every kind
/// in the inventory, the list of who viewed the dossier, and is itself audited.
/// </summary>
public abstract partial class InzageTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private Task<SeededDossier> DossierAsync() => Fixture.OnceAsync("inzage-dossier", async () =>
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId);
        await Fixture.QueryAsync(async db =>
        {
            db.RetentionReviews.Add(new RetentionReview(dossier.PupilId, Org.NorthId, RetentionKind.Absence,
                DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime), Fixture.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        // A care worker opens the pupil's page: that view shows in the list of viewers.
        await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth)).GetPageAsync($"/Pupils/Details/{dossier.PupilId}");
        return dossier;
    });

    public static TheoryData<string> InventoryKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var entry in PupilRecordInventory.Entries.Where(e => e.Key != PupilRecordInventory.AuditKey))
        {
            keys.Add(entry.Key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(InventoryKeys))]
    public async Task The_printable_export_holds_a_record_of_every_kind_in_the_inventory(string key)
    {
        var dossier = await DossierAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await coordinator.GetPageAsync($"/Inzage/{dossier.PupilId}");

        var count = SectionCount(html, key);
        Assert.True(count >= 1, $"Section {key} has {count} records.");
    }

    [Fact]
    public async Task The_export_includes_confidential_notes_the_timeline_and_who_viewed_the_dossier()
    {
        var dossier = await DossierAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await coordinator.GetPageAsync($"/Inzage/{dossier.PupilId}");

        Assert.Contains($"Vertrouwelijk verslag {dossier.Marker}", html, StringComparison.Ordinal);
        Assert.Contains($"Signaal {dossier.Marker}", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"timeline\"", html, StringComparison.Ordinal);
        var viewers = html[html.IndexOf("data-testid=\"viewers\"", StringComparison.Ordinal)..];
        Assert.Contains("Zorg Noord", viewers, StringComparison.Ordinal);
        Assert.Contains("bekeken", viewers, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal("no-store", (await coordinator.GetAsync(new Uri($"/Inzage/{dossier.PupilId}", UriKind.Relative),
            TestContext.Current.CancellationToken)).Headers.CacheControl?.ToString().Split(',')[0].Trim());
    }

    [Fact]
    public async Task The_download_is_JSON_with_every_kind_and_the_viewers()
    {
        var dossier = await DossierAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.GetAsync(new Uri($"/Inzage/{dossier.PupilId}/Download", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var sections = json.RootElement.GetProperty("Sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("Key").GetString()!, s => s.GetProperty("Rows").GetArrayLength());
        Assert.All(InventoryKeys(), key => Assert.True(sections[(string)key.Data] >= 1, (string)key.Data));
        Assert.True(json.RootElement.GetProperty("Viewers").GetArrayLength() >= 1);
        Assert.Contains($"Vertrouwelijk verslag {dossier.Marker}", json.RootElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("StaffNames", json.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_export_is_audited_as_an_export_of_the_inzage()
    {
        var dossier = await DossierAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var before = await ExportsAsync(dossier.PupilId);

        await coordinator.GetPageAsync($"/Inzage/{dossier.PupilId}");
        await coordinator.GetAsync(new Uri($"/Inzage/{dossier.PupilId}/Download", UriKind.Relative), TestContext.Current.CancellationToken);

        var after = await ExportsAsync(dossier.PupilId);
        Assert.Equal(before + 2, after);
        var coordinatorId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.PupilId == dossier.PupilId && a.UserId == coordinatorId
            && a.Action == AuditAction.Export && a.SubjectType == "Inzage" && a.Detail == "json")));
    }

    public static TheoryData<string> Refused => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerC, TestOrganisation.SchoolLeader,
        TestOrganisation.Admin,
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Only_the_coordinator_produces_the_inzage(string email)
    {
        var dossier = await DossierAsync();
        var client = await Fixture.ClientForAsync(email);
        var before = await ExportsAsync(dossier.PupilId);

        foreach (var url in new[] { $"/Inzage/{dossier.PupilId}", $"/Inzage/{dossier.PupilId}/Download" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(before, await ExportsAsync(dossier.PupilId));
    }

    [Fact]
    public async Task A_pupil_of_another_location_answers_404_without_data()
    {
        var south = await Fixture.SeedFullDossierAsync(Org.SouthId);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var page = await coordinator.GetPageAsync($"/Inzage/{south.PupilId}", HttpStatusCode.NotFound);
        var download = await coordinator.GetPageAsync($"/Inzage/{south.PupilId}/Download", HttpStatusCode.NotFound);

        Assert.DoesNotContain(south.Marker, page + download, StringComparison.Ordinal);
        Assert.Equal(0, await ExportsAsync(south.PupilId));
    }

    private Task<int> ExportsAsync(int pupilId) =>
        Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.PupilId == pupilId && a.Action == AuditAction.Export && a.SubjectType == "Inzage"));

    private static int SectionCount(string html, string key)
    {
        var match = SectionPattern().Matches(html).FirstOrDefault(m => m.Groups[1].Value == key);
        Assert.NotNull(match);
        return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-testid=\"section-([a-z-]+)\">\\s*<h2[^>]*>[^<]*<span[^>]*>\\((\\d+)\\)")]
    private static partial Regex SectionPattern();
}

public sealed class InzageTests_Sqlite(SqlitePortalFixture fixture) : InzageTests<SqlitePortalFixture>(fixture);

public sealed class InzageTests_PostgreSql(PostgreSqlPortalFixture fixture) : InzageTests<PostgreSqlPortalFixture>(fixture);

public sealed class InzageTests_SqlServer(SqlServerPortalFixture fixture) : InzageTests<SqlServerPortalFixture>(fixture);
