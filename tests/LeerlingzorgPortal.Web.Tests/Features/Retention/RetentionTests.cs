using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Retention;

/// <summary>
/// Retention end to end: the leaving date by hand, the admin's periods, the daily due list, and the
/// coordinator's confirmation that removes the care data and leaves only an audit row with counts.
/// </summary>
public abstract class RetentionTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_coordinator_sets_and_clears_a_leaving_date_on_a_pupil_of_the_own_location()
    {
        var pupil = (await Fixture.SeedFullDossierAsync(Org.NorthId)).PupilId;
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var page = $"/Retention/LeavingDate/{pupil}";

        var set = await coordinator.PostFormAsync(page, page, [new("LeftOn", Iso(Today.AddDays(-10)))]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(Today.AddDays(-10), await Fixture.QueryAsync(db => db.Pupils.Where(p => p.Id == pupil).Select(p => p.LeftOn).SingleAsync()));
        Assert.Contains("Vertrokken op", await coordinator.GetPageAsync($"/Pupils/Details/{pupil}"), StringComparison.Ordinal);

        var cleared = await coordinator.PostFormAsync(page, page, [new("LeftOn", "")]);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await Fixture.QueryAsync(db => db.Pupils.Where(p => p.Id == pupil).Select(p => p.LeftOn).SingleAsync()));
    }

    [Theory]
    [InlineData("2009-12-31", "De vertrekdatum kan niet voor de geboortedatum liggen.")]
    [InlineData("+400", "De vertrekdatum kan hoogstens een jaar vooruit liggen.")]
    [InlineData("gisteren", "Deze waarde is ongeldig.")]
    public async Task A_wrong_leaving_date_is_refused_with_a_Dutch_message(string value, string message)
    {
        var pupil = (await Fixture.SeedFullDossierAsync(Org.NorthId)).PupilId;
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var page = $"/Retention/LeavingDate/{pupil}";
        var posted = value.StartsWith('+') ? Iso(Today.AddDays(int.Parse(value[1..], CultureInfo.InvariantCulture))) : value;

        var response = await coordinator.PostFormAsync(page, page, [new("LeftOn", posted)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Null(await Fixture.QueryAsync(db => db.Pupils.Where(p => p.Id == pupil).Select(p => p.LeftOn).SingleAsync()));
    }

    [Fact]
    public async Task The_admin_finds_a_pupil_by_number_and_sets_the_leaving_date()
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.SouthId);
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var found = await admin.GetAsync(new Uri($"/Admin/RetentionPeriods/Pupil?number={dossier.Marker}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var page = found.Headers.Location!.OriginalString;
        Assert.Equal($"/Retention/LeavingDate/{dossier.PupilId}", page);

        var set = await admin.PostFormAsync(page, page, [new("LeftOn", Iso(Today))]);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(Today, await Fixture.QueryAsync(db => db.Pupils.Where(p => p.Id == dossier.PupilId).Select(p => p.LeftOn).SingleAsync()));
    }

    [Fact]
    public async Task A_coordinator_gets_404_for_the_leaving_date_of_a_pupil_of_another_location()
    {
        var pupil = (await Fixture.SeedFullDossierAsync(Org.SouthId)).PupilId;
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        await coordinator.GetPageAsync($"/Retention/LeavingDate/{pupil}", HttpStatusCode.NotFound);
        var post = await coordinator.PostFormAsync("/", $"/Retention/LeavingDate/{pupil}", [new("LeftOn", Iso(Today))]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData("0", "De bewaartermijn voor zorgdossier is een heel aantal jaren van 1 tot en met 20.")]
    [InlineData("21", "De bewaartermijn voor zorgdossier is een heel aantal jaren van 1 tot en met 20.")]
    [InlineData("", "Vul de bewaartermijn voor zorgdossier in, in hele jaren.")]
    [InlineData("2,5", "Deze waarde is ongeldig.")]
    public async Task The_admin_gets_a_Dutch_message_for_a_wrong_period(string value, string message)
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.PostFormAsync("/Admin/RetentionPeriods", "/Admin/RetentionPeriods",
            [new("CareDossier", value), new("Absence", "5"), new("SpecialEducation", "3")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        var stored = await Fixture.QueryAsync(db => db.RetentionPeriods.AsNoTracking().ToListAsync());
        Assert.All(stored, p => Assert.Equal(RetentionPeriod.DefaultYears(p.Kind), p.Years));
    }

    [Fact]
    public async Task The_admin_changes_a_period_and_the_due_list_follows_it()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-3));
        try
        {
            var saved = await admin.PostFormAsync("/Admin/RetentionPeriods", "/Admin/RetentionPeriods",
                [new("CareDossier", "4"), new("Absence", "5"), new("SpecialEducation", "4")]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(4, await Fixture.QueryAsync(db => db.RetentionPeriods.Where(p => p.Kind == RetentionKind.CareDossier).Select(p => p.Years).SingleAsync()));

            await Fixture.RunRetentionScanAsync();

            Assert.False(await Fixture.QueryAsync(db => db.RetentionReviews.AnyAsync(r => r.PupilId == dossier.PupilId)));
        }
        finally
        {
            await admin.PostFormAsync("/Admin/RetentionPeriods", "/Admin/RetentionPeriods",
                [new("CareDossier", "2"), new("Absence", "5"), new("SpecialEducation", "3")]);
        }
    }

    [Fact]
    public async Task The_daily_scan_lists_what_is_due_and_tells_the_coordinator_without_naming_the_pupil()
    {
        var due = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-3).AddDays(-1));
        var notYet = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-2).AddDays(1));

        await Fixture.RunRetentionScanAsync();

        var kinds = await Fixture.QueryAsync(db => db.RetentionReviews.Where(r => r.PupilId == due.PupilId).Select(r => r.Kind).ToListAsync());
        Assert.Equal([RetentionKind.CareDossier, RetentionKind.SpecialEducation], kinds.Order().ToList());
        Assert.False(await Fixture.QueryAsync(db => db.RetentionReviews.AnyAsync(r => r.PupilId == notYet.PupilId)));
        var coordinatorId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        var messages = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientId == coordinatorId && n.Link == "/Retention")
            .Select(n => n.Message).ToListAsync());
        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, m => m.Contains(due.Marker, StringComparison.Ordinal));

        var list = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/Retention");
        Assert.Contains(due.Marker, list, StringComparison.Ordinal);
        Assert.DoesNotContain(notYet.Marker, list, StringComparison.Ordinal);

        // A second run the same day lists nothing new.
        Assert.Equal(0, await Fixture.RunRetentionScanAsync());
    }

    [Fact]
    public async Task Confirming_removes_the_care_data_keeps_the_counts_and_leaves_an_audit_row_without_content()
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-3).AddDays(-1));
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        await coordinator.GetPageAsync($"/Pupils/Details/{dossier.PupilId}");
        await Fixture.RunRetentionScanAsync();
        var (care, special) = await ReviewsAsync(dossier.PupilId);
        var auditBefore = await AuditRowsAsync(dossier.PupilId);
        var planIds = await Fixture.QueryAsync(db => db.CarePlans.Where(c => c.PupilId == dossier.PupilId).Select(c => c.Id).ToListAsync());
        Assert.Single(planIds);

        var review = await coordinator.GetPageAsync($"/Retention/Review/{care}");
        Assert.Contains("Gespreksverslagen", review, StringComparison.Ordinal);
        Assert.DoesNotContain($"Vertrouwelijk verslag {dossier.Marker}", review, StringComparison.Ordinal);
        var confirmed = await coordinator.PostFormAsync($"/Retention/Review/{care}", $"/Retention/Confirm/{care}", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var p = dossier.PupilId;
        var r = dossier.ReferralId;
        Assert.Equal(0, await Fixture.QueryAsync(db => db.ContactNotes.CountAsync(n => n.ReferralId == r)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.ActionItems.CountAsync(i => i.ReferralId == r)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.CarePlans.CountAsync(c => c.PupilId == p)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Set<PlanVersion>().CountAsync(v => planIds.Contains(v.CarePlanId))));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Set<PlanEvaluation>().CountAsync(v => planIds.Contains(v.CarePlanId))));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Set<PlanConsent>().CountAsync(v => planIds.Contains(v.CarePlanId))));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.MeldcodeTracks.CountAsync(t => t.PupilId == p)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Handovers.CountAsync(h => h.PupilId == p)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.PupilConsents.CountAsync(c => c.PupilId == p)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Set<IncidentParticipant>().CountAsync(i => i.PupilId == p)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.Link == $"/Referrals/Details/{r}")));

        // What the reports count stays, without its text.
        var referral = await Fixture.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync(x => x.Id == r));
        Assert.Equal(ReferralCategory.Behaviour, referral.Category);
        Assert.Null(referral.Question);
        Assert.Null(referral.AlreadyTried);
        Assert.Null(await Fixture.QueryAsync(db => db.Set<AgendaItem>().Where(a => a.PupilId == p).Select(a => a.Question).SingleAsync()));
        Assert.Null(await Fixture.QueryAsync(db => db.Accommodations.Where(a => a.PupilId == p).Select(a => a.Detail).SingleAsync()));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Incidents.CountAsync(i => i.Description == $"Incident {dossier.Marker}")));
        Assert.Equal("", await Fixture.QueryAsync(db => db.ExternalReferrals.Where(x => x.PupilId == p && x.AgencyKind == PartnerKind.Ggd)
            .Select(x => x.Reason).SingleAsync()));

        // The referral to special education has its own, longer period; the pupil stays until that is done too.
        Assert.Equal($"Reden {dossier.Marker}", await Fixture.QueryAsync(db => db.ExternalReferrals
            .Where(x => x.PupilId == p && x.AgencyKind == PartnerKind.Samenwerkingsverband).Select(x => x.Reason).SingleAsync()));
        Assert.Equal(dossier.Marker, await Fixture.QueryAsync(db => db.Pupils.Where(x => x.Id == p).Select(x => x.Number).SingleAsync()));

        var second = await coordinator.PostFormAsync($"/Retention/Review/{special}", $"/Retention/Confirm/{special}", []);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("", await Fixture.QueryAsync(db => db.ExternalReferrals
            .Where(x => x.PupilId == p && x.AgencyKind == PartnerKind.Samenwerkingsverband).Select(x => x.Reason).SingleAsync()));
        var pupil = await Fixture.QueryAsync(db => db.Pupils.AsNoTracking().Include(x => x.Guardians).SingleAsync(x => x.Id == p));
        Assert.Equal($"VERWIJDERD-{p}", pupil.Number);
        Assert.DoesNotContain(dossier.Marker, pupil.Name.FullName, StringComparison.Ordinal);
        Assert.Empty(pupil.Guardians);
        Assert.Equal(Today, pupil.AnonymisedOn);

        // The audit log: every earlier row untouched, plus one row per confirmation with counts and no content.
        var auditAfter = await AuditRowsAsync(p);
        Assert.NotEmpty(auditBefore);
        Assert.Subset(auditAfter.Select(a => (a.Id, a.At, a.UserId, a.Action, a.SubjectType, a.SubjectId, a.Detail)).ToHashSet(),
            auditBefore.Select(a => (a.Id, a.At, a.UserId, a.Action, a.SubjectType, a.SubjectId, a.Detail)).ToHashSet());
        var deleted = auditAfter.Where(a => a.Action == AuditAction.RetentionDeleted).ToList();
        Assert.Equal(2, deleted.Count);
        Assert.All(deleted, a => Assert.DoesNotContain(dossier.Marker, a.Detail!, StringComparison.Ordinal));
        Assert.Contains(deleted, a => a.Detail!.Contains("gespreksverslagen=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_counts_are_the_same_after_retention_removed_a_dossier()
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-2).AddDays(-1));
        await Fixture.RunRetentionScanAsync();
        var (care, _) = await ReviewsAsync(dossier.PupilId);
        var leader = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);
        string[] tables = ["aanmeldingen", "doorlooptijden", "incidenten", "pesten", "overleggen", "verwijzingen"];
        async Task<List<string>> FiguresAsync()
        {
            var csvs = new List<string>();
            foreach (var table in tables)
            {
                csvs.Add(await leader.GetPageAsync($"/Reports/DashboardExport?table={table}&format=csv&locationId={Org.NorthId}"));
            }

            return csvs;
        }

        var before = await FiguresAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var confirmed = await coordinator.PostFormAsync($"/Retention/Review/{care}", $"/Retention/Confirm/{care}", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(0, await Fixture.QueryAsync(db => db.ContactNotes.CountAsync(n => n.ReferralId == dossier.ReferralId)));
        Assert.Equal(before, await FiguresAsync());
    }

    [Fact]
    public async Task Confirming_twice_is_harmless()
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-2).AddDays(-1));
        await Fixture.RunRetentionScanAsync();
        var (care, _) = await ReviewsAsync(dossier.PupilId);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var token = HttpClientExtensions.AntiforgeryToken(await coordinator.GetPageAsync($"/Retention/Review/{care}"));

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var response = await coordinator.PostAsync(new Uri($"/Retention/Confirm/{care}", UriKind.Relative),
                new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.PupilId == dossier.PupilId && a.Action == AuditAction.RetentionDeleted)));
        Assert.Equal(RetentionReviewStatus.Confirmed, await Fixture.QueryAsync(db => db.RetentionReviews.Where(r => r.Id == care).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Postponing_needs_a_reason_and_a_later_date_and_takes_the_review_off_the_list_until_then()
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-2).AddDays(-1));
        await Fixture.RunRetentionScanAsync();
        var (care, _) = await ReviewsAsync(dossier.PupilId);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var page = $"/Retention/Review/{care}";

        var noReason = await coordinator.PostFormAsync(page, $"/Retention/Postpone/{care}", [new("Until", Iso(Today.AddMonths(6))), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Vul de reden van het uitstel in", await noReason.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var past = await coordinator.PostFormAsync(page, $"/Retention/Postpone/{care}", [new("Until", Iso(Today)), new("Reason", "Rechtszaak")]);
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("De uitsteldatum moet na vandaag liggen.", await past.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var postponed = await coordinator.PostFormAsync(page, $"/Retention/Postpone/{care}", [new("Until", Iso(Today.AddMonths(6))), new("Reason", "Rechtszaak")]);
        Assert.Equal(HttpStatusCode.Redirect, postponed.StatusCode);
        Assert.DoesNotContain(dossier.Marker, await coordinator.GetPageAsync("/Retention"), StringComparison.Ordinal);
        Assert.Contains(dossier.Marker, await coordinator.GetPageAsync("/Retention?postponed=true"), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ContactNotes.CountAsync(n => n.ReferralId == dossier.ReferralId)));
    }

    [Fact]
    public async Task A_review_of_another_location_answers_404_and_changes_nothing()
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.SouthId, leftOn: Today.AddYears(-2).AddDays(-1));
        await Fixture.RunRetentionScanAsync();
        var (care, _) = await ReviewsAsync(dossier.PupilId);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        await coordinator.GetPageAsync($"/Retention/Review/{care}", HttpStatusCode.NotFound);
        var confirm = await coordinator.PostFormAsync("/Retention", $"/Retention/Confirm/{care}", []);
        var postpone = await coordinator.PostFormAsync("/Retention", $"/Retention/Postpone/{care}",
            [new("Until", Iso(Today.AddMonths(1))), new("Reason", "Indringer")]);

        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, postpone.StatusCode);
        Assert.DoesNotContain(dossier.Marker, await coordinator.GetPageAsync("/Retention"), StringComparison.Ordinal);
        Assert.Equal(RetentionReviewStatus.Due, await Fixture.QueryAsync(db => db.RetentionReviews.Where(r => r.Id == care).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ContactNotes.CountAsync(n => n.ReferralId == dossier.ReferralId)));
    }

    public static TheoryData<string> NotCoordinators => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerSouth, TestOrganisation.CareWorkerC,
        TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    [Theory]
    [MemberData(nameof(NotCoordinators))]
    public async Task Only_coordinators_review_retention(string email)
    {
        var dossier = await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: Today.AddYears(-2).AddDays(-1));
        await Fixture.RunRetentionScanAsync();
        var (care, _) = await ReviewsAsync(dossier.PupilId);
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { "/Retention", $"/Retention/Review/{care}" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var confirm = await client.PostFormAsync("/", $"/Retention/Confirm/{care}", []);
        Assert.StartsWith("/Account/AccessDenied", confirm.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ContactNotes.CountAsync(n => n.ReferralId == dossier.ReferralId)));
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    [InlineData(TestOrganisation.CareWorkerC)]
    [InlineData(TestOrganisation.SchoolLeader)]
    public async Task Only_coordinators_and_the_admin_set_a_leaving_date(string email)
    {
        var pupil = (await Fixture.SeedFullDossierAsync(Org.NorthId)).PupilId;
        var client = await Fixture.ClientForAsync(email);

        var response = await client.PostFormAsync("/", $"/Retention/LeavingDate/{pupil}", [new("LeftOn", Iso(Today))]);

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(await Fixture.QueryAsync(db => db.Pupils.Where(p => p.Id == pupil).Select(p => p.LeftOn).SingleAsync()));
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.CareWorkerC)]
    public async Task Only_the_admin_sets_retention_periods(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var response = await client.GetAsync(new Uri("/Admin/RetentionPeriods", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<(int CareDossier, int SpecialEducation)> ReviewsAsync(int pupilId) => Fixture.QueryAsync(async db =>
    {
        var reviews = await db.RetentionReviews.Where(r => r.PupilId == pupilId).ToListAsync();
        return (reviews.Single(r => r.Kind == RetentionKind.CareDossier).Id,
            reviews.SingleOrDefault(r => r.Kind == RetentionKind.SpecialEducation)?.Id ?? 0);
    });

    private Task<List<AuditEntry>> AuditRowsAsync(int pupilId) =>
        Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.PupilId == pupilId).ToListAsync());
}

public sealed class RetentionTests_Sqlite(SqlitePortalFixture fixture) : RetentionTests<SqlitePortalFixture>(fixture);

public sealed class RetentionTests_PostgreSql(PostgreSqlPortalFixture fixture) : RetentionTests<PostgreSqlPortalFixture>(fixture);

public sealed class RetentionTests_SqlServer(SqlServerPortalFixture fixture) : RetentionTests<SqlServerPortalFixture>(fixture);
