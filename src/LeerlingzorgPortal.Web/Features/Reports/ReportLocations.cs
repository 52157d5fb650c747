using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The locations whose figures the user may see: their own, or every one for level c.</summary>
public sealed class ReportLocations(PortalDbContext db, CurrentStaff currentStaff)
{
    public async Task<IReadOnlyList<FilterOption>> ReachableAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var all = scope.WorksAcrossBoard;
        var ids = scope.LocationIds.ToList();
        return await db.Locations.AsNoTracking()
            .Where(l => all || ids.Contains(l.Id))
            .OrderBy(l => l.Name)
            .Select(l => new FilterOption(l.Id, l.Name))
            .ToListAsync(cancellationToken);
    }
}
