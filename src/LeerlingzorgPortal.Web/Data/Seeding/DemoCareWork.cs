using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Notifications;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Referrals in every state, notes (some confidential) and action items (some overdue), so that
/// every home page of the demo shows real work on first start. Everything goes through the domain's
/// own methods, at moments in the past.
/// </summary>
internal sealed class DemoCareWork(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(Dictionary<string, StaffMember> staff, Location north, Location south,
        CancellationToken cancellationToken)
    {
        var mentor = staff[DemoAccounts.Mentor].Id;
        var otherMentor = staff["mentor2@demo.school.example"].Id;
        var southMentor = staff["mentor4@demo.school.example"].Id;
        var workerA = staff[DemoAccounts.CareWorkerA].Id;
        var workerB = staff[DemoAccounts.CareWorkerB].Id;
        var coordinator = staff[DemoAccounts.Coordinator].Id;
        var levelC = staff[DemoAccounts.CareWorkerC].Id;
        var mentorGroups = staff[DemoAccounts.Mentor].MentorGroupIds.ToList();

        var pupils = await db.Pupils.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var mine = pupils.Where(p => p.MentorGroupId is int g && mentorGroups.Contains(g)).ToList();
        var otherNorth = pupils.Where(p => p.LocationId == north.Id && !mine.Contains(p)).ToList();
        var inSouth = pupils.Where(p => p.LocationId == south.Id).ToList();

        // 1. A draft the mentor has not finished.
        Draft(mine[0], mentor, 1, ReferralCategory.Learning, Urgency.Normal,
            "Haalt sinds de herfstvakantie onvoldoendes voor wiskunde en Engels.", null);

        // 2-3. Waiting for triage: one urgent from the demo mentor, one from a colleague.
        var urgent = Draft(mine[1], mentor, 2, ReferralCategory.Bullying, Urgency.Urgent,
            "Wordt volgens klasgenoten buitengesloten en uitgescholden in de groepsapp.",
            "Gesprek met de leerling en met de klas over de groepsapp.");
        urgent.Submit(mentor, Ago(2));
        var waiting = Draft(otherNorth[0], otherMentor, 6, ReferralCategory.Absence, Urgency.Normal,
            "Veel te laat en twee keer ongeoorloofd afwezig deze maand.", "Gesprek met ouders, afspraken over op tijd komen.");
        waiting.Submit(otherMentor, Ago(6));

        // 4. Returned to the mentor with advice.
        var returned = Draft(mine[2], mentor, 20, ReferralCategory.Behaviour, Urgency.Normal,
            "Praat veel door de les heen.", "Verplaatst naar voren in de klas.");
        returned.Submit(mentor, Ago(19));
        returned.ReturnToMentor(coordinator,
            "Dit past bij de basisondersteuning in de klas. Maak een afspraak met de leerling over een signaal en evalueer over vier weken.",
            Ago(17));

        // 5. Assigned yesterday, no contact yet.
        var fresh = Draft(mine[3], mentor, 4, ReferralCategory.SocialEmotional, Urgency.High,
            "Huilt regelmatig na de pauze en eet nauwelijks.", "Twee korte gesprekken na de les.");
        fresh.Submit(mentor, Ago(4));
        fresh.Triage(coordinator, workerA, SupportLevel.Basic, Ago(1));

        // 6. In progress, with a confidential note, an item for the mentor and an overdue item.
        var busy = Draft(mine[4], mentor, 30, ReferralCategory.HomeSituation, Urgency.High,
            "Vertelt dat het thuis onrustig is; komt moe en zonder ontbijt op school.", "Gesprek met de leerling, ouders gebeld.");
        busy.Submit(mentor, Ago(29));
        busy.Triage(coordinator, workerA, SupportLevel.Extra, Ago(27));
        var talk = busy.AddNote(workerA, new NoteDetails(Day(25), ContactParties.Pupil,
            "Kennismakingsgesprek. Leerling vertelt open over de week en over school.", "Wekelijks gesprek op dinsdag.",
            IsConfidential: false), Ago(25));
        busy.AddNote(workerA, new NoteDetails(Day(12), ContactParties.Parents,
            "Moeder vertelt over de scheiding en de wisselende woonplekken. Ouders willen hulp van het wijkteam bespreken.",
            "Ouders nemen contact op met het wijkteam.", IsConfidential: true), Ago(12));
        busy.AddActionItem(workerA, mentor, "Dagelijks kort inchecken bij binnenkomst", Day(-5), Ago(3));
        busy.AddActionItem(workerA, workerA, "Terugkoppeling wijkteam opvragen", Day(4), Ago(12), talk);

        // 7. In progress but stale: the last contact was 45 days ago.
        var stale = Draft(otherNorth[1], otherMentor, 60, ReferralCategory.Learning, Urgency.Normal,
            "Vermoeden van dyslexie; leest erg traag.", "Extra tijd bij toetsen gegeven.");
        stale.Submit(otherMentor, Ago(59));
        stale.Triage(coordinator, workerA, SupportLevel.Basic, Ago(55));
        stale.AddNote(workerA, new NoteDetails(Day(45), ContactParties.Pupil | ContactParties.Mentor,
            "Leesproblemen besproken; screening aangevraagd.", "Mentor vraagt toetsen met vergroot lettertype aan.", false), Ago(45));

        // 8. Closed with its goals reached.
        var closed = Draft(mine[5], mentor, 120, ReferralCategory.SocialEmotional, Urgency.Normal,
            "Faalangst bij toetsen.", "Gesprek en toetsen in een stil lokaal.");
        closed.Submit(mentor, Ago(119));
        closed.Triage(coordinator, workerA, SupportLevel.Basic, Ago(115));
        closed.AddNote(workerA, new NoteDetails(Day(110), ContactParties.Pupil, "Start faalangsttraining.", "Zes bijeenkomsten.", false), Ago(110));
        closed.Close(workerA, CaseOutcome.GoalsReached, "Training afgerond; leerling maakt toetsen weer in de klas.", Ago(40));

        // 9. Referred out to the neighbourhood team.
        var referredOut = Draft(otherNorth[2], otherMentor, 90, ReferralCategory.HomeSituation, Urgency.High,
            "Zorgen over de thuissituatie.", "Gesprek met ouders.");
        referredOut.Submit(otherMentor, Ago(89));
        referredOut.Triage(coordinator, workerA, SupportLevel.Extra, Ago(88));
        referredOut.AddNote(workerA, new NoteDetails(Day(80), ContactParties.Parents | ContactParties.External,
            "Overleg met ouders en wijkteam.", null, true), Ago(80));
        referredOut.ReferOut(workerA, "Wijkteam Rijnstreek", "Gezinsondersteuning thuis nodig.", Ago(70));

        // 10-11. In the south: a case of care worker b with an overdue item, and one waiting for triage.
        var southCase = Draft(inSouth[0], southMentor, 25, ReferralCategory.Behaviour, Urgency.Normal,
            "Conflicten met klasgenoten in de pauze.", "Afspraken in de klas, gesprek met ouders.");
        southCase.Submit(southMentor, Ago(24));
        southCase.Triage(levelC, workerB, SupportLevel.Basic, Ago(22));
        southCase.AddNote(workerB, new NoteDetails(Day(20), ContactParties.Pupil, "Gesprek over de pauzes.", "Pauze voorlopig binnen.", false), Ago(20));
        southCase.AddActionItem(workerB, workerB, "Pauzetoezicht afstemmen met teamleider", Day(2), Ago(20));
        var southWaiting = Draft(inSouth[1], southMentor, 3, ReferralCategory.Medical, Urgency.High,
            "Vaak misselijk en naar huis.", "Contact met ouders; ouders gaan naar de huisarts.");
        southWaiting.Submit(southMentor, Ago(3));

        // 12. A long-running case with an OPP set in October last school year and never evaluated since.
        var longRunning = Draft(otherNorth[3], otherMentor, 440, ReferralCategory.Learning, Urgency.High,
            "Loopt ondanks extra hulp steeds verder achter bij alle vakken.", "Bijles, extra tijd en een rustige werkplek.");
        longRunning.Submit(otherMentor, Ago(439));
        longRunning.Triage(coordinator, workerA, SupportLevel.Extra, Ago(435));
        longRunning.AddNote(workerA, new NoteDetails(Day(430), ContactParties.Pupil | ContactParties.Parents,
            "Gesprek over de ondersteuningsbehoefte; ouders zien ook dat het niet lukt.", "OPP opstellen.", false), Ago(430));

        await db.SaveChangesAsync(cancellationToken);
        await new DemoPlans(db, now).AddAsync(busy, fresh, southCase, longRunning, coordinator, workerA, workerB, cancellationToken);
        stale.FlagForDiscussion(true);
        await new DemoSafety(db, now).AddAsync(north.Id, busy, mine, otherNorth, mentor, coordinator, workerA, cancellationToken);
        await new DemoHandovers(db, now).AddAsync(north.Id, coordinator, cancellationToken);
        await new DemoMeetings(db, now).AddAsync(north.Id, south.Id, busy, longRunning, southCase,
            new DemoMeetings.People(coordinator, workerA, workerB, mentor, staff[DemoAccounts.CareWorkerC].Id), cancellationToken);

        db.Notifications.AddRange(
            new Notification(coordinator, "Nieuwe aanmelding (pesten, urgentie spoed) wacht op triage.", $"/Referrals/Details/{urgent.Id}", Ago(2)),
            new Notification(coordinator, "Nieuwe aanmelding (verzuim, urgentie normaal) wacht op triage.", $"/Referrals/Details/{waiting.Id}", Ago(6)),
            new Notification(workerA, "Er is een zorgtraject aan je toegewezen.", $"/Referrals/Details/{fresh.Id}", Ago(1)),
            new Notification(mentor, "Je aanmelding is in behandeling genomen; er is een medewerker leerlingzorg toegewezen.",
                $"/Referrals/Details/{fresh.Id}", Ago(1)),
            new Notification(mentor, "Er staat een nieuw actiepunt voor je klaar.", $"/Referrals/Details/{busy.Id}", Ago(3)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Referral Draft(Pupil pupil, string by, int daysAgo, ReferralCategory category, Urgency urgency, string question,
        string? tried)
    {
        var referral = Referral.Draft(pupil, by, Guid.NewGuid(),
            new ReferralDetails(category, urgency, question, tried, tried is not null, tried is null ? null : Day(daysAgo)),
            Ago(daysAgo));
        db.Referrals.Add(referral);
        return referral;
    }

    private DateTimeOffset Ago(int days) => now.AddDays(-days);

    /// <summary>The date <paramref name="daysAgo"/> days back; a negative number is a date in the future.</summary>
    private DateOnly Day(int daysAgo) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-daysAgo);
}
