using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Plans;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Plans in the demo: an active support plan with a classroom measure, an OPP with the parents'
/// consent, an OPP overdue for its yearly evaluation and one waiting for consent.
/// </summary>
internal sealed class DemoPlans(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(Referral busy, Referral fresh, Referral southCase, Referral longRunning, string coordinator,
        string workerA, string workerB, CancellationToken cancellationToken)
    {
        // An active support plan, written by the coordinator, with a measure for the classroom and one for care worker a.
        var support = CarePlan.Start(busy.Id, busy.PupilId, coordinator, Content(20, "Rust en regelmaat op school",
        [
            ("Komt vijf dagen per week op tijd en met ontbijt op school", 60),
            ("Kan in het wekelijkse gesprek benoemen wat goed ging", 40),
        ],
        [
            ("Dagelijks kort inchecken bij binnenkomst", "Mentor", null, "dagelijks", true),
            ("Wekelijks gesprek met de leerling", "Medewerker leerlingzorg", workerA, "wekelijks", false),
        ]), Ago(20));
        support.Activate(coordinator, Ago(19));
        support.EvaluateMeasure(support.Content.Measures[1].Key, Day(5), "Gesprekken lopen goed; leerling komt zelf.", workerA, Ago(5));

        // An OPP in the south, set in time with the parents' consent.
        var opp = CarePlan.Start(southCase.Id, southCase.PupilId, workerB, Content(21, "Ontwikkelingsperspectief",
            [("Werkt een lesuur zelfstandig zonder conflict", 120)], [("Pauze binnen met begeleiding", "Teamleider", null, "dagelijks", true)]),
            Ago(21));
        opp.MakeOpp(Day(22), Opp("vmbo basis", "Past bij de toetsresultaten en het werktempo."), workerB, Ago(21));
        opp.RecordConsent(true, Day(15), "Moeder en vader", "Akkoord, wel graag elke maand een gesprek.", workerB, Ago(15));
        opp.RecordPupilView("Wil graag binnen blijven in de pauze, dat is rustiger.");
        opp.Activate(workerB, Ago(14));

        // An OPP set in October last school year that has not been evaluated since: late.
        var late = CarePlan.Start(longRunning.Id, longRunning.PupilId, coordinator, Content(420, "OPP leren",
            [("Haalt voor Nederlands en wiskunde een voldoende op eigen niveau", 300)],
            [("Remedial teaching twee keer per week", "Remedial teacher", null, "2x per week", false)]), Ago(420));
        late.MakeOpp(Day(425), Opp("vmbo kader", "Leerachterstand van twee jaar; werkhouding is goed."), coordinator, Ago(420));
        late.RecordConsent(true, Day(412), "Vader", null, coordinator, Ago(412));
        late.Activate(coordinator, Ago(410));

        // An OPP that waits for the parents' answer to the handelingsdeel.
        var waiting = CarePlan.Start(fresh.Id, fresh.PupilId, coordinator, Content(1, "Sociaal-emotionele ondersteuning",
            [("Eet elke pauze iets en zit bij klasgenoten", 60)], [("Pauzemaatje aanwijzen", "Mentor", null, "dagelijks", true)]), Ago(1));
        waiting.MakeOpp(Day(3), Opp("havo", "Cognitief sterk; de zorg is sociaal-emotioneel."), coordinator, Ago(1));

        db.CarePlans.AddRange(support, opp, late, waiting);
        await db.SaveChangesAsync(cancellationToken);
    }

    private PlanContent Content(int startedDaysAgo, string title, (string Text, int DaysFromStart)[] goals,
        (string What, string ByWhom, string? ByWhomId, string HowOften, bool ForClassroom)[] measures)
    {
        var start = Day(startedDaysAgo);
        return new PlanContent(title, start, start.AddMonths(3),
            goals.Select(g => new PlanGoal(Guid.NewGuid(), g.Text, start.AddDays(g.DaysFromStart))).ToList(),
            measures.Select(m => new PlanMeasure(Guid.NewGuid(), m.What, m.ByWhom, m.ByWhomId, m.HowOften, "dit schooljaar", m.ForClassroom)).ToList(),
            null);
    }

    private static OppParts Opp(string exitProfile, string reasoning) => new(exitProfile, reasoning,
        "Gemotiveerd, steun van thuis", "Concentratie, wisselende thuissituatie",
        "Begeleiding door de medewerker leerlingzorg, een uur per week, dit schooljaar; aanpassingen in de klas volgens de maatregelen.");

    private DateTimeOffset Ago(int days) => now.AddDays(-days);

    private DateOnly Day(int daysAgo) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-daysAgo);
}
