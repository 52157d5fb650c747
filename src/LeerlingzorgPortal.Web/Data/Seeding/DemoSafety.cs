using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Incidents with several pupils in their own roles, an external referral whose feedback is late,
/// and a meldcode track at step 3 (seen only by the coordinator and the care worker she added).
/// </summary>
internal sealed class DemoSafety(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(int north, Referral busy, List<Pupil> mine, List<Pupil> otherNorth, string mentor,
        string coordinator, string workerA, CancellationToken cancellationToken)
    {
        var fireworks = new CustomIncidentCategory("Vuurwerk");
        db.CustomIncidentCategories.Add(fireworks);
        db.ExternalOrganisations.AddRange(
            new ExternalOrganisation("Jeugdzorg Rijnstreek", PartnerKind.Jeugdzorg),
            new ExternalOrganisation("Wijkteam Rijnstreek-Noord", PartnerKind.Wijkteam),
            new ExternalOrganisation("GGD Hollands Midden", PartnerKind.Ggd),
            new ExternalOrganisation("Leerplicht Rijnstreek", PartnerKind.Leerplicht),
            new ExternalOrganisation("Veilig Thuis Hollands Midden", PartnerKind.VeiligThuis));
        await db.SaveChangesAsync(cancellationToken);

        db.Incidents.AddRange(
            Incident.Report(north, new IncidentDetails(Ago(15, 12), "Achter de gymzaal", IncidentCategory.Other, IncidentSeverity.Medium,
                    "Rotje afgestoken tijdens de pauze.", "Vuurwerk ingenomen; ouders gebeld.", true, false, fireworks.Id),
                [(otherNorth[7].Id, IncidentRole.Perpetrator), (otherNorth[8].Id, IncidentRole.Witness)], workerA, Ago(15, 13)),
            Incident.Report(north, new IncidentDetails(Ago(9, 10), "Fietsenstalling", IncidentCategory.Bullying, IncidentSeverity.Medium,
                    "Leerling werd door twee klasgenoten klemgezet en uitgescholden; een derde leerling zag het gebeuren.",
                    "Gesprek met alle betrokkenen; ouders van de daders gebeld.", true, true),
                [(mine[6].Id, IncidentRole.Victim), (mine[7].Id, IncidentRole.Perpetrator), (mine[9].Id, IncidentRole.Perpetrator),
                 (mine[8].Id, IncidentRole.Witness)], mentor, Ago(9, 12)),
            Incident.Report(north, new IncidentDetails(Ago(3, 20), "Groepsapp van de klas", IncidentCategory.Cyberbullying, IncidentSeverity.High,
                    "Foto van een leerling rondgestuurd met kwetsende tekst.", "App-berichten bewaard; foto laten verwijderen.", true, true),
                [(mine[6].Id, IncidentRole.Victim), (otherNorth[5].Id, IncidentRole.Perpetrator)], workerA, Ago(2, 9)),
            Incident.Report(north, new IncidentDetails(Ago(20, 13), "Kantine", IncidentCategory.Vandalism, IncidentSeverity.Low,
                    "Tafel beklad met stift.", "Schoongemaakt tijdens de pauze.", false, false),
                [(otherNorth[6].Id, IncidentRole.Perpetrator)], workerA, Ago(20, 14)));

        db.ExternalReferrals.Add(new ExternalReferral(busy.Id, busy.PupilId, PartnerKind.Jeugdzorg, "Jeugdzorg Rijnstreek", Day(30),
            "Ondersteuning van het gezin bij de scheiding.", "Hulpvraag, verloop op school en het ondersteuningsplan.", "Moeder", Day(5),
            workerA, Ago(30, 10)));

        var track = MeldcodeTrack.Start(busy.Id, busy.PupilId, north, coordinator, Ago(12, 9));
        track.AddMember(workerA, coordinator, Ago(12, 9));
        track.RecordSignal(Day(13), "Komt regelmatig zonder ontbijt en met dezelfde kleren; vertelt over ruzie thuis.", workerA, Ago(12, 10));
        track.RecordSignal(Day(11), "Blauwe plek op de onderarm; leerling zegt dat hij gevallen is.", workerA, Ago(11, 10));
        track.RecordConsultation(Day(10), "Besproken met de zorgcoördinator en anoniem advies gevraagd bij Veilig Thuis: gesprek met moeder voeren.",
            true, true, coordinator, Ago(10, 15));
        track.RecordConversation(Day(8), "Gesprek met leerling en moeder; moeder herkent de zorgen en staat open voor hulp.", null, workerA, Ago(8, 16));
        db.MeldcodeTracks.Add(track);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTimeOffset Ago(int days, int hour)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-days);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
    }

    private DateOnly Day(int daysAgo) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-daysAgo);
}
