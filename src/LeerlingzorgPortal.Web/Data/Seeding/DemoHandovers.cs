using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Warm handovers for three first-year pupils at location Noord: one who needs care (and so waits in the
/// coordinator's intake queue as a referral from the handover), two who do not.
/// </summary>
internal sealed class DemoHandovers(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(int north, string coordinator, CancellationToken cancellationToken)
    {
        var firstYears = await db.Pupils
            .Where(p => p.LocationId == north && EF.Functions.Like(p.MentorGroup!.Name, "1%"))
            .Where(p => !db.Referrals.Any(r => r.PupilId == p.Id))
            .OrderBy(p => p.Number).Take(3).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        HandoverDetails[] details =
        [
            new("Basisschool De Regenboog", "Dyslexieverklaring; leesniveau eind groep 8 op E6. Werkt goed met duidelijke structuur; raakt snel "
                + "overprikkeld bij veel drukte.", "Extra tijd bij toetsen, voorleessoftware, wekelijks gesprekje met de intern begeleider.",
                "Afspraken over extra tijd en voorleessoftware voortzetten; rustige plek in de klas.", true, today.AddDays(-80), true),
            new("OBS Het Kompas", "Gemiddelde resultaten, sociaal vaardig. Geen bijzonderheden in het onderwijskundig rapport.", null,
                "Geen extra ondersteuning nodig.", false, null, false),
            new("Montessorischool De Linde", "Goede resultaten bij rekenen; taal op niveau. Heeft in groep 7 een periode gepest geweest; dat is "
                + "met de klas opgelost.", "Kindgesprekken met de leerkracht in groep 7.", "Alert blijven op de sociale positie in de klas.", true,
                today.AddDays(-95), false),
        ];
        for (var i = 0; i < Math.Min(firstYears.Count, details.Length); i++)
        {
            var (handover, referral) = Handover.Record(firstYears[i], details[i], coordinator, now.AddDays(-60 + i));
            db.Handovers.Add(handover);
            if (referral is not null)
            {
                db.Referrals.Add(referral);
                await db.SaveChangesAsync(cancellationToken);
                handover.LinkReferral(referral.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
