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
        var locations = reachable.ToList();
        var locationIds = locations.Select(l => l.Id).ToList();
        var chosen = locations.FindIndex(l => l.Id == locationId);
        var names = locations.Select(l => l.Name).ToList();
        var open = db.Referrals.AsNoTracking().Where(r => locationIds.Contains(r.LocationId) && Open.Contains(r.Status));

        var byLevel = await open.GroupBy(r => new { r.SupportLevel, r.LocationId })
            .Select(g => new { g.Key.SupportLevel, g.Key.LocationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        SupportLevel?[] levels = [SupportLevel.Basic, SupportLevel.Extra, null];
        var levelCounts = new int[locations.Count, levels.Length, 1];
        foreach (var group in byLevel)
        {
            levelCounts[locationIds.IndexOf(group.LocationId), Array.IndexOf(levels, group.SupportLevel), 0] = group.Count;
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
        var caseloadCounts = new int[locations.Count, workers.Count, 1];
        foreach (var group in perWorker)
        {
            caseloadCounts[locationIds.IndexOf(group.LocationId), workers.FindIndex(w => w.Id == group.WorkerId), 0] = group.Count;
        }

        var oneName = chosen >= 0 ? [names[chosen]] : names.Count == 1 ? names : new List<string>();
        var byLocation = chosen < 0 && locations.Count > 1;
        return new CareFiguresReport(
            reachable,
            locationId,
            ReportTables.Linked("Lopende zorgtrajecten per ondersteuningsniveau en locatie", oneName,
                levels.Select(l => l is null ? "Nog niet bepaald" : Dutch.SupportLevel(l)).ToList(), levelCounts, names,
                rowTotals: false, columnTotals: true, "Totaal", byLocation ? LocationView.LocationsAsColumns : LocationView.One, Math.Max(chosen, 0)),
            ReportTables.Linked("Caseload: lopende zorgtrajecten per zorgmedewerker", ["Lopende trajecten"],
                workers.Select(w => w.Name).ToList(), caseloadCounts, names, rowTotals: false, columnTotals: true, "Totaal",
                chosen >= 0 ? LocationView.One : LocationView.Sum, Math.Max(chosen, 0)));
    }
}
