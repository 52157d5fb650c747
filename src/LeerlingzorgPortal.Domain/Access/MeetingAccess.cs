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
    public static bool MayPlan(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) || scope.Has(StaffRole.CareWorkerB) || scope.Has(StaffRole.CareWorkerC);
    }

    public static bool Manages(StaffScope scope, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(meeting);
        return (scope.Has(StaffRole.Coordinator) && scope.LocationIds.Contains(meeting.LocationId))
               || scope.Has(StaffRole.CareWorkerC)
               || meeting.ChairId == scope.StaffMemberId
               || meeting.MinuteTakerId == scope.StaffMemberId;
    }

    public static bool Reads(StaffScope scope, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(meeting);
        return Manages(scope, meeting) || (scope.StaffMemberId.Length > 0 && meeting.Involves(scope.StaffMemberId));
    }
}
