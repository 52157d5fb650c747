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
/// <item>who may be named in a report is a need-to-know rule too (ADR 0036): exactly the pupils the reporter
/// may see (<see cref="PupilAccess"/>): a mentor the pupils of their own groups, care workers a and b and
/// coordinators the pupils of their locations, level c the board's. School leaders and admins see no pupils
/// and so report no incidents; they pass what they saw to the coordinator.</item>
/// </list>
/// </summary>
public static class IncidentAccess
{
    /// <summary>Whether the person may report incidents at all: only those who may name at least some pupils.</summary>
    public static bool MayReport(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.WorksAcrossBoard || scope.WorksWithPupilsOfOwnLocations || scope.MentorsGroups;
    }

    /// <summary>The pupils the person may name in a report, as one expression for the search and the save.</summary>
    public static Expression<Func<Pupil, bool>> NameableBy(StaffScope scope) =>
        MayReport(scope) ? PupilAccess.ReadableBy(scope) : _ => false;

    public static bool MayName(StaffScope scope, Pupil pupil)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        return NameableBy(scope).Compile().Invoke(pupil);
    }

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

    /// <summary>
    /// Who follows up an incident (roles of the pupils, measures): the reporter, care staff of its location and
    /// level c. A mentor who reads it because a pupil of theirs is involved does not manage it.
    /// </summary>
    public static bool Manages(StaffScope scope, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(incident);
        return incident.ReportedById == scope.StaffMemberId || LocationAccess.WorksWithPupilsAt(scope, incident.LocationId);
    }

    public static bool SeesMeldcodeTrack(StaffScope scope, MeldcodeTrack track)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(track);
        return LocationAccess.Coordinates(scope, track.LocationId) || track.HasMember(scope.StaffMemberId);
    }

    public static Expression<Func<MeldcodeTrack, bool>> MeldcodeTracksOf(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        var coordinatorOf = LocationAccess.CoordinatedLocations(scope);
        return t => coordinatorOf.Contains(t.LocationId) || t.Members.Any(m => m.StaffMemberId == me);
    }
}
