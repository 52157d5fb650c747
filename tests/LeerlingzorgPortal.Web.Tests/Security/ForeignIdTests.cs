using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// Every referral and case endpoint answers 404 for an id outside the user's reach, GET and POST
/// alike, and for an id that does not exist; and a refused POST changes nothing.
/// </summary>
public abstract class ForeignIdTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/Referrals/Details/{id}" },
        { "GET", "/Referrals/Edit/{draft}" },
        { "POST", "/Referrals/Edit/{draft}" },
        { "POST", "/Referrals/Submit/{draft}" },
        { "POST", "/CareCases/AddNote/{id}" },
        { "POST", "/CareCases/AddActionItem/{id}" },
        { "POST", "/CareCases/Close/{id}" },
        { "POST", "/CareCases/ReferOut/{id}" },
        { "POST", "/CareCases/Reassign/{id}" },
        { "POST", "/CareCases/AddExternalReferral/{id}" },
        { "POST", "/Interventions/Enrol?referralId={id}" },
        { "POST", "/ActionItems/Done/{item}" },
        { "POST", "/ActionItems/Reopen/{item}" },
        { "GET", "/Pupils/Timeline/{pupil}" },
        { "GET", "/Accommodations/Create?pupilId={pupil}" },
        { "POST", "/Accommodations/Create?pupilId={pupil}" },
        { "GET", "/Accommodations/Edit/{accommodation}" },
        { "POST", "/Accommodations/Edit/{accommodation}" },
        { "POST", "/Accommodations/Withdraw/{accommodation}" },
        { "GET", "/Accommodations/Card/{pupil}" },
        { "GET", "/Accommodations/Group/{group}" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_care_worker_of_another_location_gets_404_and_changes_nothing(string method, string template)
    {
        var (id, item, draft) = await SeedAsync();
        var accommodation = await AccommodationAsync();
        var outsider = await Fixture.ClientForAsync(TestOrganisation.CareWorkerSouth);
        var before = (await SnapshotAsync(id), await SnapshotAsync(draft), await AccommodationSnapshotAsync(accommodation));

        var response = await SendAsync(outsider, method, Url(template, id, item, Org.Pupils["Anna"], draft, accommodation, Org.GroupA));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await SnapshotAsync(id), await SnapshotAsync(draft), await AccommodationSnapshotAsync(accommodation)));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_mentor_of_another_group_gets_404(string method, string template)
    {
        var (id, item, draft) = await SeedAsync();
        var accommodation = await AccommodationAsync();
        var outsider = await Fixture.ClientForAsync(TestOrganisation.MentorB);

        var response = await SendAsync(outsider, method, Url(template, id, item, Org.Pupils["Anna"], draft, accommodation, Org.GroupA));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_id_that_does_not_exist_gets_404(string method, string template)
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var response = await SendAsync(coordinator, method, Url(template, 999999, 999999, 999999, 999999, 999999, 999999));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Protocols are board-wide (every staff member reads the active ones), so only ids that do not exist apply.</summary>
    public static TheoryData<string, string> ProtocolEndpoints => new()
    {
        { "GET", "/Protocols/{id}" },
        { "GET", "/Protocols/{id}/Versions/1" },
        { "GET", "/Protocols/{id}/Print" },
        { "GET", "/Protocols/{id}/Edit" },
        { "POST", "/Protocols/{id}/Edit" },
        { "GET", "/Protocols/{id}/Assign" },
        { "POST", "/Protocols/{id}/Assign" },
        { "POST", "/Protocols/{id}/SetActive" },
    };

    [Theory]
    [MemberData(nameof(ProtocolEndpoints))]
    public async Task A_protocol_that_does_not_exist_gets_404(string method, string template)
    {
        var maintainer = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var response = await SendAsync(maintainer, method, Url(template, 999999, 999999, 999999, 999999, 999999, 999999));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// Retention and inzage are the coordinator's, for the own locations: a pupil or review of another
    /// location, or one that does not exist, answers 404 and changes nothing.
    /// </summary>
    public static TheoryData<string, string> CoordinatorEndpoints => new()
    {
        { "GET", "/Retention/Review/{review}" },
        { "POST", "/Retention/Confirm/{review}" },
        { "POST", "/Retention/Postpone/{review}" },
        { "GET", "/Retention/LeavingDate/{pupil}" },
        { "POST", "/Retention/LeavingDate/{pupil}" },
        { "GET", "/Inzage/{pupil}" },
        { "GET", "/Inzage/{pupil}/Download" },
    };

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    public async Task A_coordinator_gets_404_for_a_pupil_or_review_of_another_location(string method, string template)
    {
        var (pupil, review) = await SouthRetentionAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var before = await RetentionSnapshotAsync(pupil);

        var response = await SendAsync(coordinator, method, RetentionUrl(template, pupil, review));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await RetentionSnapshotAsync(pupil));
    }

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    public async Task A_pupil_or_review_that_does_not_exist_gets_404_for_the_coordinator(string method, string template)
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await SendAsync(coordinator, method, RetentionUrl(template, 999999, 999999));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string RetentionUrl(string template, int pupil, int review) => template
        .Replace("{pupil}", pupil.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{review}", review.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A pupil of Zuid who left three years ago, with a due review of the care dossier.</summary>
    private Task<(int Pupil, int Review)> SouthRetentionAsync() => Fixture.OnceAsync("foreign-retention", async () =>
    {
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);
        var dossier = await Fixture.SeedFullDossierAsync(Org.SouthId, leftOn: today.AddYears(-3));
        await Fixture.RunRetentionScanAsync();
        var review = await Fixture.QueryAsync(db => db.RetentionReviews
            .Where(r => r.PupilId == dossier.PupilId && r.Kind == Domain.Retention.RetentionKind.CareDossier).Select(r => r.Id).SingleAsync());
        return (dossier.PupilId, review);
    });

    private Task<string> RetentionSnapshotAsync(int pupil) => Fixture.QueryAsync(async db =>
    {
        var p = await db.Pupils.AsNoTracking().SingleAsync(x => x.Id == pupil);
        var reviews = await db.RetentionReviews.AsNoTracking().Where(r => r.PupilId == pupil).Select(r => r.Status).ToListAsync();
        var notes = await db.ContactNotes.CountAsync(n => n.Referral!.PupilId == pupil);
        var exports = await db.AuditEntries.CountAsync(a => a.PupilId == pupil && a.Action == Domain.Auditing.AuditAction.Export);
        return $"{p.Number}|{p.LeftOn}|{string.Join(',', reviews)}|{notes}|{exports}";
    });

    private static string Url(string template, int id, int item, int pupil, int draft, int accommodation, int group) => template
        .Replace("{accommodation}", accommodation.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{group}", group.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{draft}", draft.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{item}", item.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{pupil}", pupil.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A POST carries a valid token and a complete, valid form, so only the access rule can refuse it.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        if (method == "GET")
        {
            return await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        }

        return await client.PostFormAsync("/", url, CompleteForm.Fields(Fixture));
    }

    private Task<(int Id, int Item, int Draft)> SeedAsync() => Fixture.OnceAsync("foreign", async () =>
    {
        var draft = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Draft);
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth,
            (r, now) => r.AddActionItem(r.AssignedCareWorkerId!, r.AssignedCareWorkerId!, "Actie", DateOnly.FromDateTime(now.UtcDateTime), now));
        var item = await Fixture.QueryAsync(db => db.ActionItems.Where(i => i.ReferralId == id).Select(i => i.Id).SingleAsync());
        return (id, item, draft);
    });

    /// <summary>An accommodation of Anna (location Noord, group A), granted by the care worker of Noord.</summary>
    private Task<int> AccommodationAsync() => Fixture.OnceAsync("foreign-accommodation", () => Fixture.QueryAsync(async db =>
    {
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);
        var accommodation = new Domain.Accommodations.Accommodation(Org.Pupils["Anna"], new Domain.Accommodations.AccommodationTerms(
                Domain.Accommodations.AccommodationKind.ExtraTime, "25% extra tijd", "Dyslexieverklaring", null, today.AddDays(-7), today.AddDays(90)),
            Org.UserIds[TestOrganisation.CareWorkerNorth], Fixture.Clock.GetUtcNow());
        db.Accommodations.Add(accommodation);
        await db.SaveChangesAsync();
        return accommodation.Id;
    }));

    private Task<string> AccommodationSnapshotAsync(int id) => Fixture.QueryAsync(async db =>
    {
        var accommodation = await db.Accommodations.AsNoTracking().SingleAsync(a => a.Id == id);
        var count = await db.Accommodations.CountAsync(a => a.PupilId == accommodation.PupilId);
        return $"{count}|{accommodation.Detail}|{accommodation.ValidUntil}|{accommodation.EndedOn}";
    });

    private Task<string> SnapshotAsync(int id) => Fixture.QueryAsync(async db =>
    {
        var referral = await db.Referrals.Include(r => r.Notes).Include(r => r.ActionItems).AsNoTracking().SingleAsync(r => r.Id == id);
        return $"{referral.Status}|{referral.Version}|{referral.Notes.Count}|{string.Join(',', referral.ActionItems.Select(i => i.Status))}";
    });
}

public sealed class ForeignIdTests_Sqlite(SqlitePortalFixture fixture) : ForeignIdTests<SqlitePortalFixture>(fixture);

public sealed class ForeignIdTests_PostgreSql(PostgreSqlPortalFixture fixture) : ForeignIdTests<PostgreSqlPortalFixture>(fixture);

public sealed class ForeignIdTests_SqlServer(SqlServerPortalFixture fixture) : ForeignIdTests<SqlServerPortalFixture>(fixture);
