using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// Who handles the end of a dossier: the coordinators of the pupil's location review the proposed removals and
/// export a pupil's complete dossier for an inzageverzoek; the leaving date is set by them or by the admin
/// (who keeps the pupil administration); nobody else.
/// </summary>
public static class RetentionAccess
{
    /// <summary>Reviews the retention proposals of pupils of this location.</summary>
    public static bool ReviewsAt(StaffScope scope, int locationId) => LocationAccess.Coordinates(scope, locationId);

    /// <summary>Exports the complete dossier of a pupil of this location (inzage).</summary>
    public static bool ExportsDossierAt(StaffScope scope, int locationId) => LocationAccess.Coordinates(scope, locationId);

    /// <summary>Sets by hand the leaving date of a pupil of this location.</summary>
    public static bool SetsLeavingDateAt(StaffScope scope, int locationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Admin) || LocationAccess.Coordinates(scope, locationId);
    }
}
