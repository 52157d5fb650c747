using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Data;
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
/// care worker (staff names, never pupils). Counted in the database; small cells hidden.
/// </summary>
public sealed class CareFiguresReportQuery(PortalDbContext db)
{
    private static readonly ReferralStatus[] Open = [ReferralStatus.Triaged, ReferralStatus.InProgress];

    public async Task<CareFiguresReport> HandleAsync(IReadOnlyList<FilterOption> reachable, int? locationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        // Counted for every location the user may see, whichever one is chosen, and suppressed together.
        var scope = new ReportScope(reachable, locationId);
        var locationIds = scope.Ids;
        var open = db.Referrals.AsNoTracking().Where(r => locationIds.Contains(r.LocationId) && Open.Contains(r.Status));

        var byLevel = await open.GroupBy(r => new { r.SupportLevel, r.LocationId })
            .Select(g => new { g.Key.SupportLevel, g.Key.LocationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        SupportLevel?[] levels = [SupportLevel.Basic, SupportLevel.Extra, null];
        var levelCounts = new int[scope.Count, levels.Length, 1];
        foreach (var group in byLevel)
        {
            levelCounts[scope.IndexOf(group.LocationId), Array.IndexOf(levels, group.SupportLevel), 0] = group.Count;
        }

        var perWorker = await open.Where(r => r.AssignedCareWorkerId != null)
            .GroupBy(r => new { WorkerId = r.AssignedCareWorkerId!, r.LocationId })
            .Select(g => new { g.Key.WorkerId, g.Key.LocationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var workerIds = perWorker.Select(w => w.WorkerId).Distinct().ToList();
        var staffNames = await db.StaffMembers.AsNoTracking().Where(s => workerIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var workers = workerIds.Select(id => (Id: id, Name: staffNames.GetValueOrDefault(id, "–")))
            .OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        var caseloadCounts = new int[scope.Count, workers.Count, 1];
        foreach (var group in perWorker)
        {
            caseloadCounts[scope.IndexOf(group.LocationId), workers.FindIndex(w => w.Id == group.WorkerId), 0] = group.Count;
        }

        return new CareFiguresReport(
            reachable,
            locationId,
            ReportTables.ColumnPerLocation("Lopende zorgtrajecten per ondersteuningsniveau en locatie",
                levels.Select(l => l is null ? "Nog niet bepaald" : Dutch.SupportLevel(l)).ToList(), levelCounts, scope, "Totaal"),
            ReportTables.Linked("Caseload: lopende zorgtrajecten per zorgmedewerker", ["Lopende trajecten"],
                workers.Select(w => w.Name).ToList(), caseloadCounts, scope, rowTotals: false, columnTotals: true, "Totaal"));
    }
}
