using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// What a signed-in staff member holds for need-to-know decisions: roles, the locations they work
/// at and the mentor groups they mentor.
/// </summary>
public sealed class StaffScope
{
    public static readonly StaffScope Nobody = new(string.Empty, [], [], []);

    public StaffScope(string staffMemberId, IEnumerable<StaffRole> roles, IEnumerable<int> locationIds,
        IEnumerable<int> mentorGroupIds)
    {
        StaffMemberId = staffMemberId;
        Roles = roles.ToHashSet();
        LocationIds = locationIds.ToHashSet();
        MentorGroupIds = mentorGroupIds.ToHashSet();
    }

    public string StaffMemberId { get; }

    public IReadOnlySet<StaffRole> Roles { get; }

    public IReadOnlySet<int> LocationIds { get; }

    public IReadOnlySet<int> MentorGroupIds { get; }

    public bool Has(StaffRole role) => Roles.Contains(role);

    /// <summary>Care staff and coordinators work with pupils of their locations.</summary>
    public bool WorksWithPupilsOfOwnLocations =>
        Has(StaffRole.CareWorkerA) || Has(StaffRole.CareWorkerB) || Has(StaffRole.Coordinator);

    /// <summary>Level C advises at board level and so works across all locations.</summary>
    public bool WorksAcrossBoard => Has(StaffRole.CareWorkerC);

    /// <summary>A care worker of any level (a, b or c).</summary>
    public bool IsCareWorker => Has(StaffRole.CareWorkerA) || Has(StaffRole.CareWorkerB) || Has(StaffRole.CareWorkerC);

    public bool MentorsGroups => Has(StaffRole.Mentor) && MentorGroupIds.Count > 0;

    /// <summary>Whether the role set gives any access to pupil pages at all.</summary>
    public bool MaySeePupils => WorksAcrossBoard || WorksWithPupilsOfOwnLocations || Has(StaffRole.Mentor);
}
