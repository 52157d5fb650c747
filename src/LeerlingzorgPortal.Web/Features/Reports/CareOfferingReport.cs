using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Data;
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
        var locations = reachable.Where(l => locationId is null || l.Id == locationId).ToList();
        var locationIds = locations.Select(l => l.Id).ToList();
        var first = year.FirstDay;
        var last = year.LastDay;
        var pupilsInScope = db.Pupils.Where(p => locationIds.Contains(p.LocationId)).Select(p => p.Id);

        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => pupilsInScope.Contains(e.PupilId))
            .GroupBy(e => e.InterventionId)
            .Select(g => new
            {
                InterventionId = g.Key,
                Started = g.Count(e => e.Status != EnrolmentStatus.Waiting && e.StartOn >= first && e.StartOn <= last),
                Waiting = g.Count(e => e.Status == EnrolmentStatus.Waiting),
            })
            .ToListAsync(cancellationToken);
        var interventions = await db.Interventions.AsNoTracking()
            .Where(i => i.IsActive || enrolments.Select(e => e.InterventionId).Contains(i.Id))
            .OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name })
            .ToListAsync(cancellationToken);
        var interventionCounts = new int[interventions.Count, 2];
        for (var i = 0; i < interventions.Count; i++)
        {
            var counts = enrolments.SingleOrDefault(e => e.InterventionId == interventions[i].Id);
            interventionCounts[i, 0] = counts?.Started ?? 0;
            interventionCounts[i, 1] = counts?.Waiting ?? 0;
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
        var accommodationCounts = new int[kinds.Length, locations.Count];
        for (var k = 0; k < kinds.Length; k++)
        {
            for (var l = 0; l < locations.Count; l++)
            {
                accommodationCounts[k, l] = granted.SingleOrDefault(g => g.Kind == kinds[k] && g.LocationId == locations[l].Id)?.Pupils ?? 0;
            }
        }

        var figures = await KeyFiguresAsync(locationIds, year, cancellationToken);

        return new CareOfferingReport(
            year,
            reachable,
            locationId,
            ReportTables.Build("Interventies: leerlingen gestart in het schooljaar en nu op de wachtlijst",
                ["Gestart dit schooljaar", "Nu op de wachtlijst"], interventions.Select(i => i.Name).ToList(), interventionCounts,
                rowTotals: false, "Totaal"),
            ReportTables.Build("Faciliteiten per soort: leerlingen met een faciliteit die in het schooljaar gold",
                locations.Select(l => l.Name).ToList(), kinds.Select(AccommodationText.Kind).ToList(), accommodationCounts,
                rowTotals: locations.Count > 1, "Totaal (een leerling telt mee bij elke soort faciliteit)"),
            figures.PupilsWithAccommodations,
            figures.PupilsWaiting);
    }

    /// <summary>Only the two key figures, for the school leader's home page.</summary>
    public async Task<CareOfferingFigures> KeyFiguresAsync(IReadOnlyList<int> locationIds, SchoolYear year, CancellationToken cancellationToken = default)
    {
        var first = year.FirstDay;
        var last = year.LastDay;
        var pupilsInScope = db.Pupils.Where(p => locationIds.Contains(p.LocationId)).Select(p => p.Id);
        var pupilsWithAccommodations = await db.Accommodations.AsNoTracking()
            .Where(a => pupilsInScope.Contains(a.PupilId) && a.ValidFrom <= last && a.ValidUntil >= first
                        && (a.EndedOn == null || (a.EndedOn > first && a.EndedOn > a.ValidFrom)))
            .Select(a => a.PupilId).Distinct().CountAsync(cancellationToken);
        var pupilsWaiting = await db.Enrolments.AsNoTracking()
            .Where(e => pupilsInScope.Contains(e.PupilId) && e.Status == EnrolmentStatus.Waiting)
            .Select(e => e.PupilId).Distinct().CountAsync(cancellationToken);
        return new CareOfferingFigures(year, SmallCells.Format(pupilsWithAccommodations), SmallCells.Format(pupilsWaiting));
    }
}

/// <summary>Turns a table of counts into the strings a report shows, through the small-cell rule.</summary>
public static class ReportTables
{
    public static ReportTable Build(string caption, List<string> columns, List<string> rows, int[,] counts, bool rowTotals,
        string totalsLabel)
    {
        var hidden = SmallCells.Suppress(counts, rowTotalsShown: rowTotals, columnTotalsShown: true);
        var shownRows = rows.Select((label, r) => new ReportRow(label,
            columns.Select((_, c) => hidden[r, c] ? SmallCells.Hidden : SmallCells.Format(counts[r, c]))
                .Concat(rowTotals ? [SmallCells.Format(Enumerable.Range(0, columns.Count).Sum(c => counts[r, c]))] : [])
                .ToList())).ToList();
        var totals = new ReportRow(totalsLabel, columns.Select((_, c) => SmallCells.Format(Enumerable.Range(0, rows.Count).Sum(r => counts[r, c])))
            .Concat(rowTotals ? [SmallCells.Format(counts.Cast<int>().Sum())] : [])
            .ToList());
        return new ReportTable(caption, rowTotals ? [.. columns, "Totaal"] : columns, shownRows, totals);
    }
}
