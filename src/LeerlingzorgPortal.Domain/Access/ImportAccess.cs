using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>Who imports pupils from the pupil administration: the admin for every location, a coordinator for their own.</summary>
public static class ImportAccess
{
    public static Expression<Func<Location, bool>> LocationsFor(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var admin = scope.Has(StaffRole.Admin);
        var mine = LocationAccess.CoordinatedLocations(scope);
        return l => admin || mine.Contains(l.Id);
    }

    public static bool ImportsAt(StaffScope scope, Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return LocationsFor(scope).Compile().Invoke(location);
    }
}
