using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
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
        return await db.Locations.AsNoTracking()
            .Where(ReportAccess.ReachableLocations(scope))
            .OrderBy(l => l.Name)
            .Select(l => new FilterOption(l.Id, l.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The reachable locations and the chosen one; a location out of reach is a Dutch error in
    /// <paramref name="modelState"/> and means all reachable locations.
    /// </summary>
    public async Task<(IReadOnlyList<FilterOption> Locations, int? LocationId)> ChooseAsync(int? locationId,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var locations = await ReachableAsync(cancellationToken);
        if (locationId is int id && locations.All(l => l.Id != id))
        {
            modelState.AddModelError("locationId", "Kies een locatie waarvoor je rapportages mag zien.");
            return (locations, null);
        }

        return (locations, locationId);
    }
}
