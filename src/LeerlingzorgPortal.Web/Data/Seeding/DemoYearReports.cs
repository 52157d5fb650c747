using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// The zorgjaarverslag of Noord over last school year, written in full, and this year's report with
/// only the first section started: what a coordinator has in November.
/// </summary>
internal sealed class DemoYearReports(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(Dictionary<string, StaffMember> staff, Location north, CancellationToken cancellationToken)
    {
        var coordinator = staff[DemoAccounts.Coordinator].Id;
        var current = SchoolYear.Containing(DateOnly.FromDateTime(now.UtcDateTime));

        var lastYear = new CareYearReport(north.Id, new SchoolYear(current.StartYear - 1));
        lastYear.Write(new CareYearReportText(LastYearFigures, LastYearEvaluation, LastYearGoals), coordinator, now.AddDays(-130));

        var thisYear = new CareYearReport(north.Id, current);
        thisYear.Write(new CareYearReportText(ThisYearFigures, null, null), coordinator, now.AddDays(-3));

        db.CareYearReports.AddRange(lastYear, thisYear);
        await db.SaveChangesAsync(cancellationToken);
    }

    private const string LastYearFigures = """
        Het aantal aanmeldingen lag hoger dan het jaar ervoor, vooral rond de toetsweken in november en maart.
        Sociaal-emotionele vragen blijven de grootste groep. De tijd tot triage is gedaald nu het ZAT elke twee weken bijeenkomt.
        """;

    private const string LastYearEvaluation = """
        **Wat ging goed**

        - Aanmeldingen komen via het portaal binnen; geen losse mails meer.
        - Elke aanmelding werd binnen een week getrieerd.
        - Faciliteitenkaarten zijn aan het begin van het jaar met de mentoren gedeeld.

        **Wat beter kan**

        - Terugkoppeling van externe instanties blijft vaak lang uit.
        - Het aantal OPP's dat op tijd geëvalueerd werd, moet omhoog.
        """;

    private const string LastYearGoals = """
        1. Elke OPP-evaluatie op tijd, met ouders en leerling.
        2. Een vaste contactpersoon bij het wijkteam voor snellere terugkoppeling.
        3. Een training signaleren voor nieuwe mentoren in het eerste schoolblok.
        """;

    private const string ThisYearFigures = """
        Tussenstand na het eerste blok: het aantal meldingen van pesten is lager dan vorig jaar in dezelfde periode.
        """;
}
