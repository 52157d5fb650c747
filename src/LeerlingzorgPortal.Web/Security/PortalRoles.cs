using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>The role names as stored by Identity, and how they read on screen.</summary>
public static class PortalRoles
{
    public const string Mentor = nameof(StaffRole.Mentor);
    public const string CareWorkerA = nameof(StaffRole.CareWorkerA);
    public const string CareWorkerB = nameof(StaffRole.CareWorkerB);
    public const string CareWorkerC = nameof(StaffRole.CareWorkerC);
    public const string Coordinator = nameof(StaffRole.Coordinator);
    public const string SchoolLeader = nameof(StaffRole.SchoolLeader);
    public const string Admin = nameof(StaffRole.Admin);
    public const string PrivacyOfficer = nameof(StaffRole.PrivacyOfficer);

    public static IReadOnlyList<StaffRole> All { get; } = Enum.GetValues<StaffRole>();

    public static string DutchName(StaffRole role) => role switch
    {
        StaffRole.Mentor => "Mentor",
        StaffRole.CareWorkerA => "Medewerker leerlingzorg a",
        StaffRole.CareWorkerB => "Medewerker leerlingzorg b",
        StaffRole.CareWorkerC => "Medewerker leerlingzorg c",
        StaffRole.Coordinator => "Zorgcoördinator",
        StaffRole.SchoolLeader => "Schoolleiding",
        StaffRole.Admin => "Functioneel beheerder",
        StaffRole.PrivacyOfficer => "Functionaris gegevensbescherming (FG)",
        _ => role.ToString(),
    };

    public static bool TryParse(string? name, out StaffRole role) =>
        Enum.TryParse(name, ignoreCase: false, out role) && Enum.IsDefined(role);
}
