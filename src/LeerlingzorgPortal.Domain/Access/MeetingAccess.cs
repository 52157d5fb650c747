using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// Who sees and runs a meeting: the coordinator of its location and level c manage every meeting;
/// the chair and the minute-taker manage theirs; other staff participants see the meeting and only
/// the agenda items of pupils whose case they may read.
/// </summary>
public static class MeetingAccess
{
    /// <summary>The roles that plan meetings: the coordinator and care workers b and c.</summary>
    public static IReadOnlyList<StaffRole> Planners { get; } = [StaffRole.Coordinator, StaffRole.CareWorkerB, StaffRole.CareWorkerC];

    public static bool MayPlan(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Planners.Any(scope.Has);
    }

    /// <summary>Plans a meeting at this location: a planner who works there, or level c at any location.</summary>
    public static bool MayPlanAt(StaffScope scope, int locationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return MayPlan(scope) && (scope.LocationIds.Contains(locationId) || scope.Has(StaffRole.CareWorkerC));
    }

    /// <summary>The locations offered when planning (<see cref="MayPlanAt"/>): the user's own, every one for level c.</summary>
    public static Expression<Func<Location, bool>> PlannableLocations(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var board = scope.Has(StaffRole.CareWorkerC);
        var mine = scope.LocationIds.ToList();
        return l => board || mine.Contains(l.Id);
    }

    /// <summary>
    /// The meetings the user reads, for a list: level c every one, a coordinator those of their locations,
    /// everyone the meetings they chair, take minutes of or take part in (<see cref="Reads(StaffScope, Meeting)"/>).
    /// </summary>
    public static Expression<Func<Meeting, bool>> ReadableBy(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        var board = scope.Has(StaffRole.CareWorkerC);
        var locations = LocationAccess.CoordinatedLocations(scope);
        return m => board || locations.Contains(m.LocationId) || m.ChairId == me || m.MinuteTakerId == me
                    || m.Staff.Any(s => s.StaffMemberId == me);
    }

    public static bool Manages(StaffScope scope, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Manages(scope, meeting.LocationId, meeting.ChairId, meeting.MinuteTakerId);
    }

    /// <summary>The same rule on a meeting's facts, for a page that projects them instead of loading the meeting.</summary>
    public static bool Manages(StaffScope scope, int locationId, string chairId, string? minuteTakerId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return LocationAccess.Coordinates(scope, locationId)
               || scope.Has(StaffRole.CareWorkerC)
               || chairId == scope.StaffMemberId
               || minuteTakerId == scope.StaffMemberId;
    }

    public static bool Reads(StaffScope scope, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(meeting);
        return Manages(scope, meeting) || (scope.StaffMemberId.Length > 0 && meeting.Involves(scope.StaffMemberId));
    }

    /// <param name="takesPart">Whether the user is one of the meeting's staff participants.</param>
    public static bool Reads(StaffScope scope, int locationId, string chairId, string? minuteTakerId, bool takesPart)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        return Manages(scope, locationId, chairId, minuteTakerId)
               || (me.Length > 0 && (chairId == me || minuteTakerId == me || takesPart));
    }
}
