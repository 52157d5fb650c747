using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Retention;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Former pupils of Noord who left years ago, with a closed case each, so the demo coordinator's
/// "Bewaartermijnen verlopen" list has entries; one of them is postponed for a legal procedure.
/// </summary>
internal sealed class DemoRetention(PortalDbContext db, TimeProvider clock)
{
    public async Task AddAsync(Dictionary<string, StaffMember> staff, Location north, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var mentor = staff[DemoAccounts.Mentor].Id;
        var workerA = staff[DemoAccounts.CareWorkerA].Id;
        var coordinator = staff[DemoAccounts.Coordinator].Id;

        (string Number, PersonName Name, int YearsAgo, ReferralCategory Category)[] former =
        [
            ("199001", new PersonName("Kevin", null, "Dijkstra"), 3, ReferralCategory.Behaviour),
            ("199002", new PersonName("Sanne", "van", "Leeuwen"), 4, ReferralCategory.SocialEmotional),
            ("199003", new PersonName("Youssef", null, "El Idrissi"), 6, ReferralCategory.Absence),
            ("199004", new PersonName("Iris", "de", "Wit"), 5, ReferralCategory.HomeSituation),
        ];
        var pupils = new List<Pupil>();
        foreach (var (number, name, yearsAgo, category) in former)
        {
            var leftOn = today.AddYears(-yearsAgo).AddDays(-30);
            var pupil = new Pupil(number, name, leftOn.AddYears(-17), north);
            pupil.AddGuardian($"Ouder van {name.FirstName}", GuardianRelationship.Parent, "06-12345678", null, hasParentalAuthority: true);
            db.Pupils.Add(pupil);
            await db.SaveChangesAsync(cancellationToken);

            var start = new DateTimeOffset(leftOn.AddYears(-1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var referral = Referral.Draft(pupil, mentor, Guid.NewGuid(),
                new ReferralDetails(category, Urgency.Normal, "Zorgen over de leerling (oud-leerling, demo).",
                    "Gesprekken met de mentor.", true, DateOnly.FromDateTime(start.UtcDateTime)), start);
            db.Referrals.Add(referral);
            referral.Submit(mentor, start.AddHours(1));
            referral.Triage(coordinator, workerA, SupportLevel.Basic, start.AddDays(2));
            referral.AddNote(workerA, new NoteDetails(DateOnly.FromDateTime(start.AddDays(5).UtcDateTime), ContactParties.Pupil,
                "Gesprek met de leerling.", "Wekelijks contact.", false), start.AddDays(5));
            referral.Close(workerA, CaseOutcome.GoalsReached, "Afgerond.", start.AddDays(60));
            pupil.MarkLeft(leftOn);
            pupils.Add(pupil);
        }

        await db.SaveChangesAsync(cancellationToken);
        await new RetentionScan(db, clock, new Notifier(db, clock), new StaffLookup(db)).RunAsync(cancellationToken);

        // Iris's dossier is kept longer: a legal procedure.
        var held = await db.RetentionReviews.SingleAsync(r => r.PupilId == pupils[3].Id && r.Kind == RetentionKind.CareDossier, cancellationToken);
        held.Postpone(today.AddYears(1), "Lopende juridische procedure (bewaarplicht).", coordinator, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
