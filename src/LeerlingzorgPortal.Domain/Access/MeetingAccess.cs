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

    public static bool Manages(StaffScope scope, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Manages(scope, meeting.LocationId, meeting.ChairId, meeting.MinuteTakerId);
    }

    /// <summary>The same rule on a meeting's facts, for a page that projects them instead of loading the meeting.</summary>
    public static bool Manages(StaffScope scope, int locationId, string chairId, string? minuteTakerId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (scope.Has(StaffRole.Coordinator) && scope.LocationIds.Contains(locationId))
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
