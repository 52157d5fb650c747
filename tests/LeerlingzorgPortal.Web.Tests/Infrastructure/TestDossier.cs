using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Notifications;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>A pupil with one record of every kind the portal keeps; every text contains the pupil's marker.</summary>
public sealed record SeededDossier(int PupilId, int ReferralId, string Marker);

public static class TestDossier
{
    /// <summary>
    /// Seeds a new pupil at the location with a case (of the category) carrying a note, an action item,
    /// an OPP with consent and evaluations, a meldcode track, an agenda item, an external referral to
    /// the samenwerkingsverband, an enrolment; plus a handover, a consent, an incident, an accommodation,
    /// a notification and a guardian. Optionally the pupil left on the given day.
    /// </summary>
    public static async Task<SeededDossier> SeedFullDossierAsync(this PortalFixture fixture, int locationId, DateOnly? leftOn = null,
        ReferralCategory category = ReferralCategory.Behaviour)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var org = fixture.Org;
        var now = fixture.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var marker = $"X{Guid.NewGuid():N}"[..10];
        var north = locationId == org.NorthId;
        var mentor = org.UserIds[north ? TestOrganisation.MentorA : TestOrganisation.CareWorkerSouth];
        var worker = org.UserIds[north ? TestOrganisation.CareWorkerNorth : TestOrganisation.CareWorkerSouth];
        var coordinator = org.UserIds[north ? TestOrganisation.CoordinatorNorth : TestOrganisation.CareWorkerC];

        var location = await db.Locations.SingleAsync(l => l.Id == locationId);
        var pupil = new Pupil(marker, new PersonName("Dossier", null, marker), new DateOnly(2010, 5, 1), location);
        pupil.AddGuardian($"Moeder {marker}", GuardianRelationship.Mother, "06-11111111", null, hasParentalAuthority: true);
        db.Pupils.Add(pupil);
        await db.SaveChangesAsync();

        var referral = Referral.Draft(pupil, mentor, Guid.NewGuid(),
            new ReferralDetails(category, Urgency.Normal, $"Hulpvraag {marker}", $"Geprobeerd {marker}", true, today), now);
        referral.Submit(mentor, now);
        referral.Triage(coordinator, worker, SupportLevel.Extra, now);
        referral.AddNote(worker, new NoteDetails(today, ContactParties.Pupil, $"Vertrouwelijk verslag {marker}", $"Afspraak {marker}", true), now);
        referral.AddActionItem(worker, worker, $"Actie {marker}", today, now);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();

        var goal = new PlanGoal(Guid.NewGuid(), $"Doel {marker}", today.AddDays(30));
        var measure = new PlanMeasure(Guid.NewGuid(), $"Maatregel {marker}", "Mentor", null, "wekelijks", null, false);
        var plan = CarePlan.Start(referral.Id, pupil.Id, worker,
            new PlanContent($"Plan {marker}", today, today.AddDays(60), [goal], [measure], null), now);
        plan.MakeOpp(today, new OppParts("havo", "Reden", "Sterk", "Zwak", $"Handelingsdeel {marker}"), worker, now);
        plan.RecordConsent(true, today, $"Moeder {marker}", null, worker, now);
        plan.Activate(worker, now);
        plan.EvaluateMeasure(measure.Key, today, $"Maatregel ging goed {marker}", worker, now);
        plan.Evaluate(today, [new GoalEvaluation(goal.Key, GoalResult.Reached, null)], $"Evaluatie {marker}", worker, now);
        db.CarePlans.Add(plan);

        var track = MeldcodeTrack.Start(referral.Id, pupil.Id, locationId, coordinator, now);
        track.AddMember(worker, coordinator, now);
        track.RecordSignal(today, $"Signaal {marker}", coordinator, now);
        db.MeldcodeTracks.Add(track);

        var meeting = Meeting.Plan(locationId, MeetingType.InternalCareMeeting, now.AddDays(1), coordinator, null, [worker], [], now)[0];
        meeting.AddToAgenda(referral.Id, pupil.Id, $"Bespreekvraag {marker}", coordinator, ConsentCheck.NotNeeded);
        db.Meetings.Add(meeting);

        db.ExternalReferrals.Add(new ExternalReferral(referral.Id, pupil.Id, PartnerKind.Samenwerkingsverband, "Samenwerkingsverband Rijnstreek",
            today, $"Reden {marker}", $"Gedeeld {marker}", $"Moeder {marker}", null, worker, now));
        db.ExternalReferrals.Add(new ExternalReferral(referral.Id, pupil.Id, PartnerKind.Ggd, "GGD",
            today, $"GGD-reden {marker}", $"Gedeeld {marker}", $"Moeder {marker}", null, worker, now));

        var intervention = new Intervention(new InterventionDetails($"Training {marker}", "Omschrijving", "Doelgroep", "Aanbieder",
            SupportLevel.Basic, 5, "Periode"));
        intervention.Enrol(pupil.Id, referral.Id, today, worker, now);
        db.Interventions.Add(intervention);

        var (handover, _) = Handover.Record(pupil, new HandoverDetails("Basisschool De Regenboog", $"Rapport {marker}", null, null, false, null, false),
            worker, now);
        db.Handovers.Add(handover);
        db.PupilConsents.Add(new PupilConsent(pupil.Id, today, $"Moeder {marker}", false, [MeetingType.Zat], [PartnerKind.Ggd], coordinator, now));
        db.Incidents.Add(Incident.Report(locationId, new IncidentDetails(now.AddHours(-1), "Schoolplein", IncidentCategory.Bullying,
            IncidentSeverity.Medium, $"Incident {marker}", null, true, false), [(pupil.Id, IncidentRole.Victim)], mentor, now));
        db.Accommodations.Add(new Accommodation(pupil.Id, new AccommodationTerms(AccommodationKind.ExtraTime, $"Extra tijd {marker}",
            $"Verklaring {marker}", null, today.AddDays(-7), today.AddDays(90)), worker, now));
        db.Notifications.Add(new Notification(worker, "Er staat een nieuw actiepunt voor je klaar.", ReferralMessagesLink(referral.Id), now));
        if (leftOn is { } left)
        {
            pupil.MarkLeft(left);
        }

        await db.SaveChangesAsync();
        return new SeededDossier(pupil.Id, referral.Id, marker);
    }

    /// <summary>Runs the daily retention scan once, as the background job does.</summary>
    public static async Task<int> RunRetentionScanAsync(this PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionScan>().RunAsync();
    }

    private static string ReferralMessagesLink(int referralId) => $"/Referrals/Details/{referralId}";
}
