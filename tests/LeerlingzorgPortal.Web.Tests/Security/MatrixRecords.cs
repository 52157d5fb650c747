using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Protocols;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// One record of every kind an endpoint can take an id of, all about Anna (location Noord, group 1A,
/// case of the level-a care worker of Noord): the matrix asks every role for the same records.
/// </summary>
public sealed class MatrixRecords
{
    private readonly Dictionary<string, string> _values = [];

    public string Url(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var (key, value) in _values)
        {
            template = template.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return template.Contains('{', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"No record for a placeholder in {template}.")
            : template;
    }

    public static async Task<MatrixRecords> SeedAsync(PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var org = fixture.Org;
        var records = new MatrixRecords();
        void Set(string key, object value) => records._values[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;

        var caseId = await fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth,
            (r, now) => r.AddActionItem(r.AssignedCareWorkerId!, r.AssignedCareWorkerId!, "Actie", DateOnly.FromDateTime(now.UtcDateTime), now));
        Set("case", caseId);
        Set("draft", await fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Draft));
        Set("pupil", org.Pupils["Anna"]);
        Set("group", org.GroupA);
        Set("north", org.NorthId);
        Set("user", org.UserIds[TestOrganisation.MentorB]);
        Set("upload", Guid.NewGuid());

        var now = fixture.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var coordinator = org.UserIds[TestOrganisation.CoordinatorNorth];
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Set("item", await db.ActionItems.Where(i => i.ReferralId == caseId).Select(i => i.Id).SingleAsync());

            var incident = Incident.Report(org.NorthId, new IncidentDetails(now.AddHours(-3), "Schoolplein", IncidentCategory.Bullying,
                    IncidentSeverity.Medium, "Geduwd en uitgescholden", null, true, true),
                [(org.Pupils["Anna"], IncidentRole.Victim)], org.UserIds[TestOrganisation.MentorA], now);
            var track = MeldcodeTrack.Start(caseId, org.Pupils["Anna"], org.NorthId, coordinator, now);
            track.AddMember(org.UserIds[TestOrganisation.CareWorkerNorth], coordinator, now);
            var consent = new PupilConsent(org.Pupils["Anna"], today, "Ouders", false, [MeetingType.Zat], [PartnerKind.Ggd], coordinator, now);
            var intervention = new Intervention(new InterventionDetails("Faalangsttraining matrix", "Omschrijving", "Leerjaar 1", "Zorgmedewerker",
                SupportLevel.Basic, 8, "Hele schooljaar"));
            intervention.Enrol(org.Pupils["Anna"], caseId, today, coordinator, now);
            var agency = new ExternalOrganisation("GGD Matrix", PartnerKind.Ggd);
            var protocol = new Protocol(ProtocolTopic.Bullying, coordinator, today.AddMonths(6),
                new ProtocolText("Pestprotocol", "Tekst.", null), coordinator, now.AddDays(-10));
            var accommodation = new Accommodation(org.Pupils["Anna"], new AccommodationTerms(AccommodationKind.ExtraTime, "25% extra tijd",
                "Dyslexieverklaring", null, today.AddDays(-7), today.AddDays(90)), org.UserIds[TestOrganisation.CareWorkerNorth], now);
            var review = new RetentionReview(org.Pupils["Anna"], org.NorthId, RetentionKind.CareDossier, today.AddDays(-1), now);
            db.AddRange(incident, track, consent, intervention, agency, protocol, accommodation, review);
            await db.SaveChangesAsync();
            Set("incident", incident.Id);
            Set("track", track.Id);
            Set("consent", consent.Id);
            Set("intervention", intervention.Id);
            Set("enrolment", intervention.Enrolments[0].Id);
            Set("agency", agency.Id);
            Set("protocol", protocol.Id);
            Set("accommodation", accommodation.Id);
            Set("review", review.Id);
            Set("category", 999_999);
            Set("notification", 999_999);
        }

        var client = await fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var iso = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var plan = await client.PostFormAsync($"/CarePlans/Create?referralId={caseId}", $"/CarePlans/Create?referralId={caseId}",
        [
            new("Title", "Plan van Anna"), new("StartDate", iso), new("EvaluationDate", today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Goals[0].Description", "Doel"), new("Goals[0].TargetDate", today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        var planId = int.Parse(plan.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Set("plan", planId);
        var content = await fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => new { p.Content, p.ConcurrencyToken }).SingleAsync());
        var second = await client.PostFormAsync($"/CarePlans/Edit/{planId}", $"/CarePlans/Edit/{planId}",
        [
            new("Title", "Plan van Anna, bijgesteld"), new("StartDate", iso),
            new("EvaluationDate", content.Content.EvaluationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Goals[0].Key", content.Content.Goals[0].Key.ToString()), new("Goals[0].Description", "Doel"),
            new("Goals[0].TargetDate", content.Content.Goals[0].TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("BaseVersion", "1"), new("ConcurrencyToken", content.ConcurrencyToken.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var start = now.AddDays(7);
        var meeting = await client.PostFormAsync("/Meetings/Create", "/Meetings/Create",
        [
            new("Type", "Zat"), new("LocationId", org.NorthId.ToString(CultureInfo.InvariantCulture)),
            new("Date", DateOnly.FromDateTime(start.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Time", start.ToString("HH:mm", CultureInfo.InvariantCulture)), new("ChairId", coordinator),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
        Set("meeting", meeting.Headers.Location!.OriginalString.Split('/')[^1]);
        return records;
    }
}
