using Bogus;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Faciliteiten for about one pupil in ten: mostly extra time and read-aloud software on a dyslexia statement,
/// and enlarged print, a laptop, a quiet room and a few exemptions. Some accommodations and statements run
/// out within six weeks, so the demo care workers see signals on their home page; a few are over or withdrawn.
/// The demo mentor's groups have several, so the group overview for the teachers shows something.
/// </summary>
internal sealed class DemoAccommodations(PortalDbContext db, DateTimeOffset now)
{
    private const int PupilsWithAccommodations = 30;

    private sealed record Package(string Ground, int StatementYearsLeft, params (AccommodationKind Kind, string? Detail)[] Items);

    private static readonly Package[] Packages =
    [
        new("Dyslexieverklaring (2023, Onderwijsbureau Rijnstreek)", 0,
            (AccommodationKind.ExtraTime, "25% extra tijd bij toetsen"),
            (AccommodationKind.ReadAloudSoftware, "Voorleessoftware (ClaroRead) bij toetsen en bij lezen")),
        new("Dyslexieverklaring (2022, Praktijk Lees en Leer, Alphen aan den Rijn)", 0,
            (AccommodationKind.ExtraTime, "25% extra tijd bij toetsen"),
            (AccommodationKind.ReadAloudSoftware, "Toetsen digitaal met voorleessoftware"),
            (AccommodationKind.EnlargedPrint, "Toetsen in lettergrootte 14, Arial")),
        new("Dyslexieverklaring (2024, Onderwijsbureau Rijnstreek)", 0,
            (AccommodationKind.ExtraTime, "20 minuten extra bij toetsen van een lesuur"),
            (AccommodationKind.Exemption, "Vrijstelling Duits; in die uren extra Nederlands")),
        new("Dyscalculieverklaring (2024, Centrum voor Leerproblemen Leiden)", 0,
            (AccommodationKind.ExtraTime, "25% extra tijd bij toetsen wiskunde en economie"),
            (AccommodationKind.Other, "Rekenmachine en formulekaart bij alle toetsen")),
        new("ADHD; advies van de kinder- en jeugdpsychiater (2024), besproken in de leerlingbespreking", 1,
            (AccommodationKind.QuietRoom, "Toetsen maken in het stiltelokaal (0.14)"),
            (AccommodationKind.ExtraTime, "10 minuten extra bij toetsen")),
        new("Motorische schrijfproblemen; advies van de ergotherapeut (2025)", 1,
            (AccommodationKind.Laptop, "Laptop bij schrijfopdrachten en toetsen")),
        new("Slechtziend; advies van Visio (2024)", 2,
            (AccommodationKind.EnlargedPrint, "Toetsen en lesmateriaal op A3, lettergrootte 16"),
            (AccommodationKind.Laptop, "Laptop met vergrotingssoftware")),
        new("Faalangst; afspraak met de orthopedagoog na het intakegesprek", 0,
            (AccommodationKind.QuietRoom, "Mondelinge overhoringen alleen bij de docent, niet voor de klas")),
    ];

    public async Task AddAsync(Dictionary<string, StaffMember> staff, CancellationToken cancellationToken)
    {
        var random = new Randomizer(20261123);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = SchoolYear.Containing(today);
        var workerA = staff[DemoAccounts.CareWorkerA];
        var workerB = staff[DemoAccounts.CareWorkerB];
        var coordinator = staff[DemoAccounts.Coordinator];
        var mentorGroups = staff[DemoAccounts.Mentor].MentorGroupIds.ToList();
        var northId = workerA.LocationIds.Single();

        var pupils = await db.Pupils.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var chosen = pupils.Where(p => p.MentorGroupId is int g && mentorGroups.Contains(g)).Take(5).ToList();
        chosen.AddRange(random.Shuffle(pupils.Except(chosen).ToList()).Take(PupilsWithAccommodations - chosen.Count));

        for (var i = 0; i < chosen.Count; i++)
        {
            var pupil = chosen[i];
            var package = Packages[i % Packages.Length];
            var granter = pupil.LocationId == northId ? (i % 5 == 4 ? coordinator : workerA) : workerB;
            var from = i % 4 == 0 ? today.AddDays(-random.Int(20, 60)) : year.FirstDay.AddDays(random.Int(20, 40));
            DateOnly? statement = package.StatementYearsLeft > 0 ? year.LastDay.AddYears(package.StatementYearsLeft) : null;
            var until = year.LastDay;
            switch (i % 10)
            {
                case 1:
                    // The statement runs out in a few weeks: time for a new one.
                    statement = today.AddDays(12 + i);
                    break;
                case 3:
                    // Granted for a trial period that ends soon.
                    until = today.AddDays(20 + i);
                    break;
                default:
                    break;
            }

            if (until < from)
            {
                until = year.LastDay;
            }

            var grantedAt = now.AddDays(Math.Min(0, from.DayNumber - today.DayNumber) - 3);
            foreach (var (kind, detail) in package.Items)
            {
                db.Accommodations.Add(new Accommodation(pupil.Id, new AccommodationTerms(kind, detail, package.Ground, statement, from, until),
                    granter.Id, grantedAt));
            }
        }

        // A temporary exemption that ends within the notice period, one that is over, and one that was withdrawn.
        var temporary = chosen[^1];
        db.Accommodations.Add(new Accommodation(temporary.Id, new AccommodationTerms(AccommodationKind.Exemption,
            "Vrijstelling lichamelijke opvoeding; doet theorieopdrachten", "Knieblessure; verklaring van de huisarts",
            today.AddDays(30), today.AddDays(-25), today.AddDays(30)), temporary.LocationId == northId ? workerA.Id : workerB.Id, now.AddDays(-25)));
        var over = chosen[2];
        db.Accommodations.Add(new Accommodation(over.Id, new AccommodationTerms(AccommodationKind.Exemption,
            "Vrijstelling gym tijdens herstel van een gebroken pols", "Gebroken pols; brief van de fysiotherapeut", null,
            today.AddDays(-100), today.AddDays(-40)), workerA.Id, now.AddDays(-100)));
        var withdrawn = new Accommodation(chosen[4].Id, new AccommodationTerms(AccommodationKind.Laptop, "Laptop bij schrijftoetsen",
            "Tijdelijk op verzoek van ouders in afwachting van onderzoek", null, today.AddDays(-70), year.LastDay), workerA.Id, now.AddDays(-70));
        withdrawn.End(today.AddDays(-14));
        db.Accommodations.Add(withdrawn);
        await db.SaveChangesAsync(cancellationToken);
    }
}
