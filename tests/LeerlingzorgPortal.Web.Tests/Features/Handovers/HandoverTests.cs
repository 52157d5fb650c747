using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Handovers;

/// <summary>The warm handover feeds the intake queue; the school-year rollover archives last year's groups.</summary>
public abstract class HandoverTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static List<KeyValuePair<string, string>> Form(bool needsCare, string school = "Basisschool De Regenboog") =>
    [
        new("PreviousSchool", school), new("ReportSummary", "Dyslexie; werkt goed met structuur."), new("SupportSoFar", "Extra tijd."),
        new("Advice", "Voortzetten."), new("ConversationHeld", "true"), new("ConversationOn", "2026-06-20"),
        new("NeedsCare", needsCare ? "true" : "false"),
    ];

    private string Record(string pupil) => $"/Handovers/Record?pupilId={Org.Pupils[pupil].ToString(CultureInfo.InvariantCulture)}";

    private string Page(string pupil) => $"/Pupils/Details/{Org.Pupils[pupil].ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task A_handover_that_needs_care_appears_in_the_intake_queue_as_warm_handover()
    {
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await worker.PostFormAsync(Page("Bram"), Record("Bram"), Form(needsCare: true));
        var page = await worker.GetPageAsync(response.Headers.Location!.OriginalString);
        var queue = await coordinator.GetPageAsync("/Triage");

        Assert.Contains("de leerling staat in de intakewachtrij", page, StringComparison.Ordinal);
        Assert.Contains("Basisschool De Regenboog", page, StringComparison.Ordinal);
        Assert.Contains("aanmelding uit de warme overdracht", page, StringComparison.Ordinal);
        Assert.Contains("Warme overdracht</span>", queue, StringComparison.Ordinal);
        Assert.Contains("Bram Visser", queue, StringComparison.Ordinal);
        var referral = await Fixture.QueryAsync(db => db.Referrals.SingleAsync(r => r.PupilId == Org.Pupils["Bram"] && r.Source == ReferralSource.WarmHandover));
        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectType == nameof(Handover) && a.Action == AuditAction.Create
                                                                                && a.PupilId == Org.Pupils["Bram"])));
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == Org.UserIds[TestOrganisation.CoordinatorNorth]
                                                                                 && n.Message.Contains("warme overdracht"))));
    }

    [Fact]
    public async Task A_handover_without_care_is_shown_but_starts_no_referral_and_cannot_be_recorded_twice()
    {
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        await worker.PostFormAsync(Page("Carmen"), Record("Carmen"), Form(needsCare: false, school: "OBS Het Kompas"));
        var again = await worker.PostFormAsync(Page("Carmen"), Record("Carmen"), Form(needsCare: false, school: "Tweede poging"));
        var page = await worker.GetPageAsync(again.Headers.Location!.OriginalString);

        Assert.Contains("OBS Het Kompas", page, StringComparison.Ordinal);
        Assert.Contains("al vastgelegd", page, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Referrals.AnyAsync(r => r.PupilId == Org.Pupils["Carmen"] && r.Source == ReferralSource.WarmHandover)));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Handovers.CountAsync(h => h.PupilId == Org.Pupils["Carmen"])));
    }

    [Fact]
    public async Task Bad_handover_input_gets_Dutch_messages_and_stores_nothing()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync(Page("Anna"), Record("Anna"),
            [new("PreviousSchool", ""), new("ReportSummary", ""), new("ConversationHeld", "true"), new("ConversationOn", "2027-01-01")]);
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync(response.Headers.Location!.OriginalString));

        Assert.Contains("Vul de vorige school in.", page, StringComparison.Ordinal);
        Assert.Contains("Vat het onderwijskundig rapport samen.", page, StringComparison.Ordinal);
        Assert.Contains("kan niet in de toekomst liggen", page, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Handovers.AnyAsync(h => h.PupilId == Org.Pupils["Anna"])));
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerSouth)]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.Admin)]
    public async Task Who_may_not_handle_the_pupil_gets_404_and_sees_no_handover(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/"));

        var post = await client.PostAsync(new Uri(Record("Anna"), UriKind.Relative),
            new FormUrlEncodedContent(Form(needsCare: true).Append(new("__RequestVerificationToken", token))), TestContext.Current.CancellationToken);
        var page = await client.GetAsync(new Uri(Page("Anna"), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Warme overdracht", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Handovers.AnyAsync(h => h.PupilId == Org.Pupils["Anna"] && h.PreviousSchool == "Basisschool De Regenboog")));
    }

    [Fact]
    public async Task A_pupil_that_does_not_exist_answers_404()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync("/", "/Handovers/Record?pupilId=999999", Form(needsCare: true));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_starts_the_school_year_and_last_years_groups_are_archived()
    {
        await using (var scope = Fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeerlingzorgPortal.Data.PortalDbContext>();
            var south = await db.Locations.Include(l => l.MentorGroups).SingleAsync(l => l.Id == Org.SouthId, TestContext.Current.CancellationToken);
            south.AddMentorGroup("5X", new SchoolYear(2025));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var before = await admin.GetPageAsync("/Admin/Organisation");
        var response = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/RollOver",
            [new("locationId", Org.SouthId.ToString(CultureInfo.InvariantCulture))]);
        var after = await admin.GetPageAsync("/Admin/Organisation");
        var again = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/RollOver",
            [new("locationId", Org.SouthId.ToString(CultureInfo.InvariantCulture))]);

        Assert.Contains("Schooljaar 2026", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("is gestart", after, StringComparison.Ordinal);
        Assert.Contains("gearchiveerd)", after, StringComparison.Ordinal);
        Assert.Contains("geen mentorgroepen van schooljaar", await admin.GetPageAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var groups = await Fixture.QueryAsync(db => db.MentorGroups.Where(g => g.LocationId == Org.SouthId && g.Name == "5X").ToListAsync());
        Assert.Contains(groups, g => g.SchoolYear == new SchoolYear(2025) && g.IsArchived);
        Assert.Contains(groups, g => g.SchoolYear == new SchoolYear(2026) && !g.IsArchived);
    }

    [Fact]
    public async Task Only_the_admin_may_roll_over()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var post = await coordinator.PostFormAsync("/", "/Admin/Organisation/RollOver", [new("locationId", Org.NorthId.ToString(CultureInfo.InvariantCulture))]);

        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public sealed class HandoverTests_Sqlite(SqlitePortalFixture fixture) : HandoverTests<SqlitePortalFixture>(fixture);

public sealed class HandoverTests_PostgreSql(PostgreSqlPortalFixture fixture) : HandoverTests<PostgreSqlPortalFixture>(fixture);

public sealed class HandoverTests_SqlServer(SqlServerPortalFixture fixture) : HandoverTests<SqlServerPortalFixture>(fixture);
