using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// The need-to-know rule for pupils, stated once. The same expression filters lists in the
/// database and decides for a single loaded pupil, so the two can never disagree.
/// <list type="bullet">
/// <item>a mentor sees the pupils of their own mentor groups;</item>
/// <item>care workers a and b and coordinators see the pupils of their locations;</item>
/// <item>care worker c sees pupils across the board's locations;</item>
/// <item>school leaders and admins see no pupil pages (reports only, or management only).</item>
/// </list>
/// </summary>
public static class PupilAccess
{
    public static Expression<Func<Pupil, bool>> ReadableBy(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.WorksAcrossBoard)
        {
            return _ => true;
        }

        var locationIds = scope.WorksWithPupilsOfOwnLocations ? scope.LocationIds.ToList() : [];
        var groupIds = scope.Has(StaffRole.Mentor) ? scope.MentorGroupIds.ToList() : [];
        if (locationIds.Count == 0 && groupIds.Count == 0)
        {
            return _ => false;
        }

        if (groupIds.Count == 0)
        {
            return p => locationIds.Contains(p.LocationId);
        }

        if (locationIds.Count == 0)
        {
            return p => p.MentorGroupId != null && groupIds.Contains(p.MentorGroupId.Value);
        }

        return p => locationIds.Contains(p.LocationId)
                    || (p.MentorGroupId != null && groupIds.Contains(p.MentorGroupId.Value));
    }

    public static bool CanRead(StaffScope scope, Pupil pupil)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        return ReadableBy(scope).Compile().Invoke(pupil);
    }
}
