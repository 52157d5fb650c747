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
        var locations = reachable.Where(l => locationId is null || l.Id == locationId).ToList();
        var locationIds = locations.Select(l => l.Id).ToList();
        var open = db.Referrals.AsNoTracking().Where(r => locationIds.Contains(r.LocationId) && Open.Contains(r.Status));

        var byLevel = await open.GroupBy(r => new { r.SupportLevel, r.LocationId })
            .Select(g => new { g.Key.SupportLevel, g.Key.LocationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        SupportLevel?[] levels = [SupportLevel.Basic, SupportLevel.Extra, null];
        var levelCounts = new int[levels.Length, locations.Count];
        for (var r = 0; r < levels.Length; r++)
        {
            for (var c = 0; c < locations.Count; c++)
            {
                levelCounts[r, c] = byLevel.Where(g => g.SupportLevel == levels[r] && g.LocationId == locations[c].Id).Sum(g => g.Count);
            }
        }

        var perWorker = await open.Where(r => r.AssignedCareWorkerId != null)
            .GroupBy(r => r.AssignedCareWorkerId!)
            .Select(g => new { WorkerId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var workerIds = perWorker.Select(w => w.WorkerId).ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => workerIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var workers = perWorker.Select(w => (Name: names.GetValueOrDefault(w.WorkerId, "–"), w.Count))
            .OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        var caseloadCounts = new int[workers.Count, 1];
        for (var r = 0; r < workers.Count; r++)
        {
            caseloadCounts[r, 0] = workers[r].Count;
        }

        return new CareFiguresReport(
            reachable,
            locationId,
            ReportTables.Build("Lopende zorgtrajecten per ondersteuningsniveau en locatie", locations.Select(l => l.Name).ToList(),
                levels.Select(l => l is null ? "Nog niet bepaald" : Dutch.SupportLevel(l)).ToList(), levelCounts, rowTotals: locations.Count > 1, "Totaal"),
            ReportTables.Build("Caseload: lopende zorgtrajecten per zorgmedewerker", ["Lopende trajecten"],
                workers.Select(w => w.Name).ToList(), caseloadCounts, rowTotals: false, "Totaal"));
    }
}
