using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Meetings in the demo: a past ZAT with minutes and decisions, an upcoming ZAT with a half-built
/// agenda (a flagged pupil without consent waits among the suggestions) and an MDO in the south.
/// </summary>
internal sealed class DemoMeetings(PortalDbContext db, DateTimeOffset now)
{
    public sealed record People(string Coordinator, string WorkerA, string WorkerB, string Mentor, string LevelC);

    public async Task AddAsync(int north, int south, Referral busy, Referral longRunning, Referral southCase, People people,
        CancellationToken cancellationToken)
    {
        ExternalParticipant[] zatPartners =
        [
            new("Dr. Anouk Bos", PartnerKind.Ggd, "GGD Hollands Midden", "jeugdarts"),
            new("Mark de Wit", PartnerKind.Leerplicht, "Leerplicht Rijnstreek", "leerplichtambtenaar"),
            new("Sevda Kaya", PartnerKind.Wijkteam, "Wijkteam Rijnstreek-Noord", "gezinscoach"),
        ];
        var parents = new[] { MeetingType.Zat, MeetingType.Mdo };
        var allPartners = Enum.GetValues<PartnerKind>().Where(k => k != PartnerKind.Politie).ToArray();
        db.PupilConsents.AddRange(
            new PupilConsent(busy.PupilId, Day(40), "Moeder", false, parents, allPartners, people.Coordinator, Ago(40)),
            new PupilConsent(longRunning.PupilId, Day(400), "Vader", false, parents, allPartners, people.Coordinator, Ago(400)),
            new PupilConsent(southCase.PupilId, Day(20), "Ouders", false, parents, allPartners, people.WorkerB, Ago(20)));
        await db.SaveChangesAsync(cancellationToken);
        var consents = await db.PupilConsents.ToListAsync(cancellationToken);
        var pupils = await db.Pupils.Where(p => p.Id == busy.PupilId || p.Id == longRunning.PupilId || p.Id == southCase.PupilId)
            .ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, cancellationToken);
        ConsentCheck Check(Meeting meeting, int pupilId) =>
            MeetingConsent.Check(pupils[pupilId], consents.Where(c => c.PupilId == pupilId), meeting.Type, meeting.PartnerKinds, meeting.Date);

        // A ZAT two weeks ago, with minutes, decisions and an action item; closed.
        var past = Meeting.Plan(north, MeetingType.Zat, At(-14, 14), people.Coordinator, people.WorkerA, [people.Mentor, people.WorkerA],
            zatPartners, Ago(40))[0];
        var busyItem = past.AddToAgenda(busy.Id, busy.PupilId, "Is hulp van het wijkteam nodig naast de begeleiding op school?", people.WorkerA,
            Check(past, busy.PupilId));
        var lateItem = past.AddToAgenda(longRunning.Id, longRunning.PupilId, "Past het uitstroomprofiel nog?", people.Coordinator,
            Check(past, longRunning.PupilId));
        past.RecordMinutes(busyItem, "Het wijkteam kent het gezin; moeder staat open voor hulp.", "Wijkteam start gezinsondersteuning; school blijft wekelijks in gesprek.");
        past.RecordMinutes(lateItem, "Resultaten blijven achter bij het plan.", "OPP evalueren en het uitstroomprofiel opnieuw bekijken.");
        past.Close(At(-14, 16));
        db.Meetings.Add(past);
        await db.SaveChangesAsync(cancellationToken);
        busy.AddActionItem(people.Coordinator, people.WorkerA, "Overdracht aan het wijkteam plannen", Day(-7), At(-14, 16),
            fromAgendaItemId: busyItem.Id);

        // The next ZAT in ten days: half built.
        var next = Meeting.Plan(north, MeetingType.Zat, At(10, 14), people.Coordinator, people.WorkerA, [people.Mentor, people.WorkerA],
            zatPartners, now, count: 3, everyWeeks: 6);
        next[0].AddToAgenda(busy.Id, busy.PupilId, "Hoe loopt de gezinsondersteuning?", people.WorkerA, Check(next[0], busy.PupilId));
        db.Meetings.AddRange(next);

        // An MDO in the south.
        var mdo = Meeting.Plan(south, MeetingType.Mdo, At(20, 10), people.WorkerB, null, [people.LevelC],
            [new ExternalParticipant("Joyce Vermeer", PartnerKind.Samenwerkingsverband, "SWV Rijnstreek", "orthopedagoog")], now)[0];
        mdo.AddToAgenda(southCase.Id, southCase.PupilId, "Is een arrangement van het samenwerkingsverband passend?", people.WorkerB,
            Check(mdo, southCase.PupilId));
        db.Meetings.Add(mdo);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTimeOffset Ago(int days) => now.AddDays(-days);

    private DateOnly Day(int daysAgo) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-daysAgo);

    private DateTimeOffset At(int daysFromNow, int hour)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(daysFromNow);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
    }
}
