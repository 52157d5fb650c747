using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Audit;

/// <summary>
/// The audit reviewer model (ADR 0034): the admin sees no dossier content, the privacy officer sees the
/// board with pupils pseudonymised until a reasoned lookup that is itself audited, meldcode lines only for the
/// track's coordinators and members; and the audit gaps: refusals whose id came in the query string, and meeting
/// pages that name each pupil they show. Lines a test needs are inserted on days of their own in 2025.
/// </summary>
public abstract partial class AuditReviewerTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admins_audit_view_and_download_hold_no_dossier_content()
    {
        var worker = Org.UserIds[TestOrganisation.CareWorkerNorth];
        var anna = Org.Pupils["Anna"];
        var track = await MeldcodeTrackAsync();
        await InsertAsync(
            new AuditEntry(Day(2025, 6, 2, 9), worker, AuditAction.Read, "Pupil", Key(anna), anna).From("10.5.0.1"),
            new AuditEntry(Day(2025, 6, 2, 10), worker, AuditAction.Read, AuditAccess.MeldcodeSubject, Key(track), anna).From("10.5.0.2"),
            new AuditEntry(Day(2025, 6, 2, 11), worker, AuditAction.SignIn, "Account", worker, null).From("10.5.0.3"));
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        const string day = "from=2025-06-02&to=2025-06-02";

        var html = await admin.GetPageAsync($"/Audit?{day}");
        var csv = await (await admin.GetAsync(new Uri($"/Audit/Export?format=csv&{day}", UriKind.Relative), Cancel)).Content.ReadAsStringAsync(Cancel);
        var byPupil = await admin.GetPageAsync($"/Audit?{day}&pupilId={anna}");

        Assert.Equal(["10.5.0.3"], Addresses(html));
        Assert.DoesNotContain("Anna", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Meldcodetraject", html, StringComparison.Ordinal);
        Assert.DoesNotContain("10.5.0.1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("10.5.0.2", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", csv, StringComparison.Ordinal);
        Assert.Contains("10.5.0.3", csv, StringComparison.Ordinal);
        Assert.Empty(Addresses(byPupil));
        // The per-user overview of dossier access is not the admin's either.
        var unusual = await admin.GetAsync(new Uri("/Audit/Unusual", UriKind.Relative), Cancel);
        Assert.StartsWith("/Account/AccessDenied", unusual.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meldcode_lines_are_seen_only_by_the_tracks_coordinator_and_members()
    {
        var worker = Org.UserIds[TestOrganisation.CareWorkerNorth];
        var anna = Org.Pupils["Anna"];
        var track = await MeldcodeTrackAsync();
        await InsertAsync(
            new AuditEntry(Day(2025, 6, 3, 9), worker, AuditAction.Read, "Pupil", Key(anna), anna).From("10.5.1.1"),
            new AuditEntry(Day(2025, 6, 3, 10), worker, AuditAction.Read, AuditAccess.MeldcodeSubject, Key(track), anna).From("10.5.1.2"));
        const string day = "/Audit?from=2025-06-03&to=2025-06-03";
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var privacyOfficer = await Fixture.ClientForAsync(TestOrganisation.PrivacyOfficer);
        var (memberEmail, memberId) = await Fixture.NewAccountAsync(Domain.Organisation.StaffRole.PrivacyOfficer);
        await AddMemberAsync(track, memberId);
        var member = await Fixture.ClientForAsync(memberEmail);

        // The coordinator of the track's location and a reviewer added to the track see the line ...
        Assert.Equal(["10.5.1.2", "10.5.1.1"], Addresses(await coordinator.GetPageAsync(day)));
        Assert.Equal(["10.5.1.2", "10.5.1.1"], Addresses(await member.GetPageAsync(day)));
        // ... a privacy officer who is not on the track does not, not in the page, the filter or the download.
        Assert.Equal(["10.5.1.1"], Addresses(await privacyOfficer.GetPageAsync(day)));
        Assert.DoesNotContain("10.5.1.2", Addresses(await privacyOfficer.GetPageAsync($"{day}&auditAction=Read&pupilId={anna}&userId={worker}")));
        var csv = await (await privacyOfficer.GetAsync(new Uri("/Audit/Export?format=csv&from=2025-06-03&to=2025-06-03", UriKind.Relative), Cancel))
            .Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("10.5.1.2", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Meldcodetraject", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_officer_sees_pseudonyms_until_a_reasoned_lookup_which_writes_its_own_audit_line()
    {
        var worker = Org.UserIds[TestOrganisation.CareWorkerNorth];
        var (anna, sem) = (Org.Pupils["Anna"], Org.Pupils["Sem"]);
        await InsertAsync(
            new AuditEntry(Day(2025, 6, 4, 9), worker, AuditAction.Read, "Pupil", Key(anna), anna).From("10.5.2.1"),
            new AuditEntry(Day(2025, 6, 4, 10), worker, AuditAction.Read, "Pupil", Key(sem), sem).From("10.5.2.2"));
        var privacyOfficer = await Fixture.ClientForAsync(TestOrganisation.PrivacyOfficer);
        const string day = "from=2025-06-04&to=2025-06-04";

        var html = await privacyOfficer.GetPageAsync($"/Audit?{day}");
        var csv = await (await privacyOfficer.GetAsync(new Uri($"/Audit/Export?format=csv&{day}", UriKind.Relative), Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Equal(["10.5.2.2", "10.5.2.1"], Addresses(html));
        Assert.Contains(AuditAccess.Pseudonym(anna), html, StringComparison.Ordinal);
        Assert.Contains(AuditAccess.Pseudonym(sem), csv, StringComparison.Ordinal);
        foreach (var text in new[] { html, csv })
        {
            Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
            Assert.DoesNotContain("T1001", text, StringComparison.Ordinal);
        }

        // A search by name is not a way around the lookup: a Dutch message, nothing narrowed to the name.
        var byName = await privacyOfficer.GetPageAsync($"/Audit?{day}&pupil=Anna");
        Assert.Contains("Zoek op pseudoniem, zoals L-123.", byName, StringComparison.Ordinal);
        Assert.Equal(["10.5.2.2", "10.5.2.1"], Addresses(byName));
        Assert.Equal(["10.5.2.1"], Addresses(await privacyOfficer.GetPageAsync($"/Audit?{day}&pupil={AuditAccess.Pseudonym(anna)}")));

        // Without a reason: refused in Dutch, what was typed kept, no name and no lookup line.
        var lookups = await LookupsAsync(anna);
        var refused = await privacyOfficer.PostFormAsync($"/Audit?pupilId={anna}", "/Audit/Lookup", [new("pupilId", Key(anna)), new("reason", "kijken")]);
        var refusedHtml = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Geef een reden van minstens 10 tekens", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">kijken</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(lookups, await LookupsAsync(anna));

        // With a reason: the lookup line (pupil, reason) is written, then the name is shown.
        const string reason = "Inzageverzoek van de ouders van 3 juni";
        var done = await privacyOfficer.PostFormAsync($"/Audit?pupilId={anna}", "/Audit/Lookup", [new("pupilId", Key(anna)), new("reason", reason)]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var line = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectType == AuditAccess.NamedLookupSubject && a.PupilId == anna)
            .OrderByDescending(a => a.Id).FirstAsync(Cancel));
        Assert.Equal((Org.UserIds[TestOrganisation.PrivacyOfficer], AuditAction.Read, reason), (line.UserId, line.Action, line.Detail));
        Assert.Equal(lookups + 1, await LookupsAsync(anna));
        var named = await privacyOfficer.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Anna de Jong (T1001)", named, StringComparison.Ordinal);
        Assert.Contains(reason, named, StringComparison.Ordinal);

        // The lookup is reviewable by the pupil's coordinator, and nobody else can open it.
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        Assert.Contains(reason, await coordinator.GetPageAsync($"/Audit?pupilId={anna}&auditAction=Read"), StringComparison.Ordinal);
        var (otherEmail, _) = await Fixture.NewAccountAsync(Domain.Organisation.StaffRole.PrivacyOfficer);
        var other = await Fixture.ClientForAsync(otherEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/Audit/Named/{line.Id}", UriKind.Relative), Cancel)).StatusCode);
        var denied = await coordinator.GetAsync(new Uri($"/Audit/Named/{line.Id}", UriKind.Relative), Cancel);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public static TheoryData<string> NotPrivacyOfficers => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerC, TestOrganisation.CoordinatorNorth,
        TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    [Theory]
    [MemberData(nameof(NotPrivacyOfficers))]
    public async Task Only_the_privacy_officer_may_look_up_the_name_behind_a_pseudonym(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var anna = Org.Pupils["Anna"];
        var lookups = await LookupsAsync(anna);

        var response = await client.PostFormAsync("/", "/Audit/Lookup", [new("pupilId", Key(anna)), new("reason", "Inzageverzoek van de ouders")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(lookups, await LookupsAsync(anna));
    }

    [Fact]
    public async Task A_refused_access_whose_id_came_in_the_query_string_writes_an_audit_line()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var sem = Org.Pupils["Sem"];
        var before = await RefusalsAsync(TestOrganisation.MentorA, "Consents", Key(sem));

        var response = await mentor.PostFormAsync("/", $"/Consents/Record?pupilId={sem}",
            [new("GivenOn", "2026-11-20"), new("GivenBy", "Vader"), new("MeetingTypes", "Zat"), new("Partners", "Ggd")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before + 1, await RefusalsAsync(TestOrganisation.MentorA, "Consents", Key(sem)));
        // A query value that is no parameter of the action is never recorded.
        var made = await mentor.GetAsync(new Uri($"/Meldcode/Details/999999?madeUpId=123", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, made.StatusCode);
        Assert.Equal(0, await RefusalsAsync(TestOrganisation.MentorA, "Meldcode", "123"));
    }

    [Fact]
    public async Task Reading_a_meetings_page_agenda_and_minutes_names_each_pupil_on_it_in_the_audit_log_and_the_inzage()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var meeting = await InternalMeetingWithAsync(coordinator, "Anna", "Carmen");
        var (anna, carmen) = (Org.Pupils["Anna"], Org.Pupils["Carmen"]);

        foreach (var (url, subject) in new[]
                 {
                     ($"/Meetings/Agenda/{meeting}", "Meeting"), ($"/Meetings/Minutes/{meeting}", "Meeting"), ($"/Meetings/Details/{meeting}", "Meeting"),
                 })
        {
            var before = await MeetingReadsAsync(meeting);
            await coordinator.GetPageAsync(url);
            var after = await MeetingReadsAsync(meeting);
            var added = after.Skip(before.Count).ToList();
            Assert.All(added, a => Assert.Equal(subject, a.SubjectType));
            Assert.Contains(anna, added.Select(a => a.PupilId));
            Assert.Contains(carmen, added.Select(a => a.PupilId));
        }

        // So the read is in Anna's own audit trail, which the inzage export shows.
        var inzage = await coordinator.GetPageAsync($"/Inzage/{anna}");
        Assert.Contains($"Meeting {Key(meeting)}", inzage, StringComparison.Ordinal);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static DateTimeOffset Day(int year, int month, int day, int utcHour) => new(year, month, day, utcHour, 0, 0, TimeSpan.Zero);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task InsertAsync(params AuditEntry[] entries)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>A meldcode track for Anna (Noord), started by the care worker of Noord; one per fixture.</summary>
    private Task<int> MeldcodeTrackAsync() => Fixture.OnceAsync("reviewer-meldcode-track", async () =>
    {
        var referral = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var track = MeldcodeTrack.Start(referral, Org.Pupils["Anna"], Org.NorthId, Org.UserIds[TestOrganisation.CareWorkerNorth], Fixture.Clock.GetUtcNow());
        db.MeldcodeTracks.Add(track);
        await db.SaveChangesAsync(Cancel);
        return track.Id;
    });

    private async Task AddMemberAsync(int trackId, string staffId)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var track = await db.MeldcodeTracks.Include(t => t.Members).SingleAsync(t => t.Id == trackId, Cancel);
        track.AddMember(staffId, Org.UserIds[TestOrganisation.CoordinatorNorth], Fixture.Clock.GetUtcNow());
        await db.SaveChangesAsync(Cancel);
    }

    private Task<int> LookupsAsync(int pupilId) => Fixture.QueryAsync(db =>
        db.AuditEntries.CountAsync(a => a.SubjectType == AuditAccess.NamedLookupSubject && a.PupilId == pupilId, Cancel));

    private Task<int> RefusalsAsync(string email, string subject, string id)
    {
        var user = Org.UserIds[email];
        return Fixture.QueryAsync(db => db.AuditEntries.CountAsync(
            a => a.Action == AuditAction.AccessRefused && a.UserId == user && a.SubjectType == subject && a.SubjectId == id, Cancel));
    }

    private Task<List<AuditEntry>> MeetingReadsAsync(int meetingId)
    {
        var key = Key(meetingId);
        return Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Read && a.SubjectId == key && (a.SubjectType == "Meeting" || a.SubjectType == "MeetingExternal"))
            .OrderBy(a => a.Id).ToListAsync(Cancel));
    }

    /// <summary>An internal care meeting of Noord (no externals, so no consent needed) with the pupils' cases on its agenda.</summary>
    private async Task<int> InternalMeetingWithAsync(HttpClient coordinator, params string[] pupils)
    {
        var start = Fixture.Clock.GetUtcNow().AddDays(3);
        var response = await coordinator.PostFormAsync("/Meetings/Create", "/Meetings/Create",
        [
            new("Type", "InternalCareMeeting"), new("LocationId", Key(Org.NorthId)),
            new("Date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Time", "14:00"),
            new("ChairId", Org.UserIds[TestOrganisation.CoordinatorNorth]),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        foreach (var pupil in pupils)
        {
            var referral = await Fixture.SeedReferralAsync(pupil, pupil == "Carmen" ? TestOrganisation.MentorB : TestOrganisation.MentorA,
                ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
            var added = await coordinator.PostFormAsync($"/Meetings/Details/{meeting}", $"/Meetings/AddItem/{meeting}",
                [new("ReferralId", Key(referral)), new("Question", "Wat is nodig?")]);
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        return meeting;
    }

    private static List<string> Addresses(string html) =>
        AddressCell().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"<td class=""text-nowrap"">([^<]+)</td>")]
    private static partial Regex AddressCell();
}

public sealed class AuditReviewerTests_Sqlite(SqlitePortalFixture fixture) : AuditReviewerTests<SqlitePortalFixture>(fixture);

public sealed class AuditReviewerTests_PostgreSql(PostgreSqlPortalFixture fixture) : AuditReviewerTests<PostgreSqlPortalFixture>(fixture);

public sealed class AuditReviewerTests_SqlServer(SqlServerPortalFixture fixture) : AuditReviewerTests<SqlServerPortalFixture>(fixture);
