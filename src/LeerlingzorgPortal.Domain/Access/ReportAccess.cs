using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>Who writes what in the reports (reading them is the policies' business: counts for leaders, names for care).</summary>
public static class ReportAccess
{
    /// <summary>The coordinators of the location write its year report; a board-wide coordinator (also level c) writes every one.</summary>
    public static bool WritesYearReport(StaffScope scope, int locationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) && (scope.WorksAcrossBoard || scope.LocationIds.Contains(locationId));
    }

    /// <summary>The locations whose figures the user sees: every location for level c, else the user's own.</summary>
    public static Expression<Func<Location, bool>> ReachableLocations(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var all = scope.WorksAcrossBoard;
        var ids = scope.LocationIds.ToList();
        return l => all || ids.Contains(l.Id);
    }
}
