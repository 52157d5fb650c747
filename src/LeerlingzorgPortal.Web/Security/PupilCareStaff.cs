using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Care staff and coordinators who may read the pupil: they record what belongs to the pupil rather than
/// to one case (consent for meetings, the warm handover). Mentors, school leaders and admins may not.
/// </summary>
public sealed class PupilCareStaff(PortalDbContext db, CurrentStaff currentStaff)
{
    public async Task<bool> MayHandleAsync(int pupilId, CancellationToken cancellationToken = default)
    {
        var pupil = await db.Pupils.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pupilId, cancellationToken);
        return pupil is not null && await MayHandleAsync(pupil, cancellationToken);
    }

    /// <summary>For a pupil already loaded (the pupil page), without querying it again.</summary>
    public async Task<bool> MayHandleAsync(Pupil pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        return (scope.WorksWithPupilsOfOwnLocations || scope.WorksAcrossBoard) && PupilAccess.CanRead(scope, pupil);
    }
}
