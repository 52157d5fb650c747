namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>The roles a staff member can hold; a person may hold several.</summary>
public enum StaffRole
{
    Mentor,
    CareWorkerA,
    CareWorkerB,
    CareWorkerC,
    Coordinator,
    SchoolLeader,
    Admin,

    /// <summary>Functionaris gegevensbescherming (FG): reviews the audit log of the whole board, pupils pseudonymised (ADR 0034).</summary>
    PrivacyOfficer,
}
