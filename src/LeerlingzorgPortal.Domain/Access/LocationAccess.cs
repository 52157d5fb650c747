using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// The two location rules most features share: the coordinator of a location (a zorgcoördinator who works
/// there), and the care staff who work with the pupils of a location (care workers a and b and coordinators of
/// that location; level c across the board).
/// </summary>
public static class LocationAccess
{
    /// <summary>The user is a coordinator who works at the location.</summary>
    public static bool Coordinates(StaffScope scope, int locationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) && scope.LocationIds.Contains(locationId);
    }

    /// <summary>The locations the user coordinates, for a query; empty for who is no coordinator.</summary>
    public static List<int> CoordinatedLocations(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) ? scope.LocationIds.ToList() : [];
    }

    /// <summary>Care staff of the location, or level c (who works across the board).</summary>
    public static bool WorksWithPupilsAt(StaffScope scope, int locationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.WorksAcrossBoard || (scope.WorksWithPupilsOfOwnLocations && scope.LocationIds.Contains(locationId));
    }
}
