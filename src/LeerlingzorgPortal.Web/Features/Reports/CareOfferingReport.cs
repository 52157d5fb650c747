using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Accommodations;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>One row of a report table as shown: every count already through the small-cell rule.</summary>
public sealed record ReportRow(string Label, IReadOnlyList<string> Cells);

public sealed record ReportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows, ReportRow? Totals);

/// <summary>The key figures, already through the small-cell rule.</summary>
public sealed record CareOfferingFigures(SchoolYear SchoolYear, string PupilsWithAccommodations, string PupilsWaiting);

public sealed record CareOfferingReport(
    SchoolYear SchoolYear,
    IReadOnlyList<FilterOption> Locations,
    int? LocationId,
    ReportTable Interventions,
    ReportTable Accommodations,
    string PupilsWithAccommodations,
    string PupilsWaiting);

/// <summary>
/// How the care offering is used and which accommodations are granted, for the school leader,
/// the coordinators and level c: counts only, no names, small cells hidden (see <see cref="SmallCells"/>).
/// Counted in the database, never by loading pupils.
/// </summary>
public sealed class CareOfferingReportQuery(PortalDbContext db, TimeProvider clock)
{
    public SchoolYear CurrentSchoolYear => SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public async Task<CareOfferingReport> HandleAsync(IReadOnlyList<FilterOption> reachable, int? locationId, SchoolYear year,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        // Counted for every location the user may see, whichever one is chosen, and suppressed together.
        var scope = new ReportScope(reachable, locationId);
        var locationIds = scope.Ids;
        var first = year.FirstDay;
        var last = year.LastDay;

        var enrolments = await (
                from e in db.Enrolments.AsNoTracking()
                join p in db.Pupils on e.PupilId equals p.Id
                where locationIds.Contains(p.LocationId)
                group e by new { e.InterventionId, p.LocationId } into g
                select new
                {
                    g.Key.InterventionId,
                    g.Key.LocationId,
                    Started = g.Count(e => e.Status != EnrolmentStatus.Waiting && e.StartOn >= first && e.StartOn <= last),
                    Waiting = g.Count(e => e.Status == EnrolmentStatus.Waiting),
                })
            .ToListAsync(cancellationToken);
        var used = enrolments.Select(e => e.InterventionId).Distinct().ToList();
        var interventions = await db.Interventions.AsNoTracking()
            .Where(i => i.IsActive || used.Contains(i.Id))
            .OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name })
            .ToListAsync(cancellationToken);
        var interventionCounts = new int[scope.Count, interventions.Count, 2];
        foreach (var row in enrolments)
        {
            var i = interventions.FindIndex(x => x.Id == row.InterventionId);
            interventionCounts[scope.IndexOf(row.LocationId), i, 0] = row.Started;
            interventionCounts[scope.IndexOf(row.LocationId), i, 1] = row.Waiting;
        }

        var granted = await (
                from a in db.Accommodations.AsNoTracking()
                join p in db.Pupils on a.PupilId equals p.Id
                where locationIds.Contains(p.LocationId) && a.ValidFrom <= last && a.ValidUntil >= first
                      && (a.EndedOn == null || (a.EndedOn > first && a.EndedOn > a.ValidFrom))
                group a.PupilId by new { a.Kind, p.LocationId } into g
                select new { g.Key.Kind, g.Key.LocationId, Pupils = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var kinds = Enum.GetValues<AccommodationKind>();
        var accommodationCounts = new int[scope.Count, kinds.Length, 1];
        foreach (var row in granted)
        {
            accommodationCounts[scope.IndexOf(row.LocationId), Array.IndexOf(kinds, row.Kind), 0] = row.Pupils;
        }

        var figures = await KeyFiguresAsync(reachable, locationId, year, cancellationToken);
        return new CareOfferingReport(
            year,
            reachable,
            locationId,
            ReportTables.Linked("Interventies: leerlingen gestart in het schooljaar en nu op de wachtlijst",
                ["Gestart dit schooljaar", "Nu op de wachtlijst"], interventions.Select(i => i.Name).ToList(), interventionCounts, scope,
                rowTotals: false, columnTotals: true, "Totaal"),
            ReportTables.ColumnPerLocation("Faciliteiten per soort: leerlingen met een faciliteit die in het schooljaar gold",
                kinds.Select(AccommodationText.Kind).ToList(), accommodationCounts, scope, "Totaal (een leerling telt mee bij elke soort faciliteit)"),
            figures.PupilsWithAccommodations,
            figures.PupilsWaiting);
    }

    /// <summary>
    /// The two key figures for the locations given (the one chosen, or their sum), counted per location
    /// (a pupil belongs to one) and suppressed together, so the board's figure minus a location's cannot
    /// reveal another location's small number.
    /// </summary>
    public async Task<CareOfferingFigures> KeyFiguresAsync(IReadOnlyList<FilterOption> locations, int? locationId, SchoolYear year,
        CancellationToken cancellationToken = default)
    {
        var scope = new ReportScope(locations, locationId);
        var locationIds = scope.Ids;
        var first = year.FirstDay;
        var last = year.LastDay;
        // Both figures per location in one command (UNION ALL of the two counts, told apart by Part).
        var withAccommodations =
            from a in db.Accommodations.AsNoTracking()
            join p in db.Pupils on a.PupilId equals p.Id
            where locationIds.Contains(p.LocationId) && a.ValidFrom <= last && a.ValidUntil >= first
                  && (a.EndedOn == null || (a.EndedOn > first && a.EndedOn > a.ValidFrom))
            group a.PupilId by p.LocationId into g
            select new { Part = 0, LocationId = g.Key, Pupils = g.Distinct().Count() };
        var waiting =
            from e in db.Enrolments.AsNoTracking()
            join p in db.Pupils on e.PupilId equals p.Id
            where locationIds.Contains(p.LocationId) && e.Status == EnrolmentStatus.Waiting
            group e.PupilId by p.LocationId into g
            select new { Part = 1, LocationId = g.Key, Pupils = g.Distinct().Count() };
        var rows = await withAccommodations.Concat(waiting).ToListAsync(cancellationToken);
        var counts = new int[scope.Count, 2, 1];
        foreach (var row in rows)
        {
            counts[scope.IndexOf(row.LocationId), row.Part, 0] = row.Pupils;
        }

        var shown = LinkedSmallCells.Suppress(counts, rowTotals: false, columnTotals: false);
        return new CareOfferingFigures(year, shown.Format(scope.Table, 0, 0), shown.Format(scope.Table, 1, 0));
    }
}
