using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// Who sees incidents and meldcode tracks:
/// <list type="bullet">
/// <item>care staff and coordinators see all incidents at their locations (level c across the board);</item>
/// <item>the reporter sees what they reported; a mentor sees incidents involving pupils of their groups;</item>
/// <item>a meldcode track is seen only by the coordinators of its location and the people added to it.</item>
/// </list>
/// </summary>
public static class IncidentAccess
{
    /// <param name="pupilsOfMyGroups">The ids of the pupils in the user's mentor groups (for mentors).</param>
    public static Expression<Func<Incident, bool>> ReadableBy(StaffScope scope, IReadOnlyCollection<int> pupilsOfMyGroups)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(pupilsOfMyGroups);
        var me = scope.StaffMemberId;
        var board = scope.Has(StaffRole.CareWorkerC);
        var careHere = scope.WorksWithPupilsOfOwnLocations;
        var locations = scope.LocationIds.ToList();
        var pupils = scope.Has(StaffRole.Mentor) ? pupilsOfMyGroups.ToList() : [];
        return i => i.ReportedById == me
                    || board
                    || (careHere && locations.Contains(i.LocationId))
                    || i.Involved.Any(p => pupils.Contains(p.PupilId));
    }

    public static bool SeesMeldcodeTrack(StaffScope scope, MeldcodeTrack track)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(track);
        return (scope.Has(StaffRole.Coordinator) && scope.LocationIds.Contains(track.LocationId)) || track.HasMember(scope.StaffMemberId);
    }

    public static Expression<Func<MeldcodeTrack, bool>> MeldcodeTracksOf(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        var coordinatorOf = scope.Has(StaffRole.Coordinator) ? scope.LocationIds.ToList() : [];
        return t => coordinatorOf.Contains(t.LocationId) || t.Members.Any(m => m.StaffMemberId == me);
    }
}
