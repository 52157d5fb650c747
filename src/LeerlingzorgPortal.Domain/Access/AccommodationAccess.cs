using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// Who sees the accommodations of a mentor group (the teachers' overview, never the reasons): care staff of the
/// group's location, level c, and the group's own mentor. Expiry signals: a coordinator those of their locations,
/// a care worker their own grants.
/// </summary>
public static class AccommodationAccess
{
    public static bool OpensGroup(StaffScope scope, MentorGroup group)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(group);
        return LocationAccess.WorksWithPupilsAt(scope, group.LocationId)
               || (scope.Has(StaffRole.Mentor) && scope.MentorGroupIds.Contains(group.Id));
    }

    /// <summary>Whether the user gets expiry signals at all.</summary>
    public static bool GetsExpirySignals(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) || scope.IsCareWorker;
    }

    /// <summary>A coordinator sees the signals of their locations; everyone else only those of their own grants.</summary>
    public static bool SeesLocationSignals(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator);
    }
}
