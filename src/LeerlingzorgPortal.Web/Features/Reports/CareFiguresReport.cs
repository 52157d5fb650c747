using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

public sealed record CareFiguresReport(
    IReadOnlyList<FilterOption> Locations,
    int? LocationId,
    ReportTable OpenCasesByLevel,
    ReportTable Caseload);

/// <summary>
/// The state of care now, in counts: open cases by support level per location, and the caseload per
/// care worker (staff names, never pupils). Counted in the database; small cells hidden. Two commands:
/// the levels (which the dashboard sends together with its own counts) and the caseload with the names.
/// </summary>
public sealed class CareFiguresReportQuery(PortalDbContext db)
{
    private static readonly ReferralStatus[] Open = [ReferralStatus.Triaged, ReferralStatus.InProgress];

    private static readonly SupportLevel?[] Levels = [SupportLevel.Basic, SupportLevel.Extra, null];

    public async Task<CareFiguresReport> HandleAsync(IReadOnlyList<FilterOption> reachable, int? locationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        var scope = new ReportScope(reachable, locationId);
        var levels = await LevelCells(scope.Ids, 0).ToListAsync(cancellationToken);
        return await HandleAsync(reachable, locationId, levels, 0, cancellationToken);
    }

    /// <summary>
    /// Open cases per location and support level, as the cells of figure <paramref name="figure"/>: a query a
    /// report can send in one command with its own counts, then hand the cells to
    /// <see cref="HandleAsync(IReadOnlyList{FilterOption}, int?, IReadOnlyList{FigureCell}, int, CancellationToken)"/>.
    /// </summary>
    internal IQueryable<FigureCell> LevelCells(List<int> locationIds, int figure) =>
        FigureCells.Count(OpenCases(locationIds), figure, r => r.LocationId, row: FigureCells.IndexIn((Referral r) => r.SupportLevel, Levels));

    /// <summary>The report from level cells already read (those of <paramref name="figure"/>) and the caseload, one command more.</summary>
    internal async Task<CareFiguresReport> HandleAsync(IReadOnlyList<FilterOption> reachable, int? locationId, IReadOnlyList<FigureCell> cells,
        int figure, CancellationToken cancellationToken)
    {
        // Counted for every location the user may see, whichever one is chosen, and suppressed together.
        var scope = new ReportScope(reachable, locationId);
        var levelCounts = FigureCells.Counts(cells, figure, scope, Levels.Length, 1, c => c.Count);

        // Every assigned care worker is a staff member (a foreign key), so the inner join loses no case.
        var perWorker = await (
                from referral in OpenCases(scope.Ids)
                join staff in db.StaffMembers on referral.AssignedCareWorkerId equals staff.Id
                group referral by new { WorkerId = staff.Id, staff.DisplayName, referral.LocationId } into g
                select new { g.Key.WorkerId, g.Key.DisplayName, g.Key.LocationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var workers = perWorker.Select(w => (Id: w.WorkerId, Name: w.DisplayName)).Distinct()
            .OrderBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
        var caseloadCounts = new int[scope.Count, workers.Count, 1];
        foreach (var group in perWorker)
        {
            caseloadCounts[scope.IndexOf(group.LocationId), workers.FindIndex(w => w.Id == group.WorkerId), 0] = group.Count;
        }

        return new CareFiguresReport(
            reachable,
            locationId,
            ReportTables.ColumnPerLocation("Lopende zorgtrajecten per ondersteuningsniveau en locatie",
                Levels.Select(l => l is null ? "Nog niet bepaald" : Dutch.SupportLevel(l)).ToList(), levelCounts, scope, "Totaal"),
            ReportTables.Linked("Caseload: lopende zorgtrajecten per zorgmedewerker", ["Lopende trajecten"],
                workers.Select(w => w.Name).ToList(), caseloadCounts, scope, rowTotals: false, columnTotals: true, "Totaal"));
    }

    private IQueryable<Referral> OpenCases(List<int> locationIds) =>
        db.Referrals.AsNoTracking().Where(r => locationIds.Contains(r.LocationId) && Open.Contains(r.Status));
}
