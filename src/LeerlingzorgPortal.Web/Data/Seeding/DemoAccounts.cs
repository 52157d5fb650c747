using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>The demo accounts, one per role; the README lists the same.</summary>
public static class DemoAccounts
{
    /// <summary>Only ever created in Development, on a demo database.</summary>
    public const string Password = "Zorgportaal2026";

    public const string Mentor = "mentor@demo.school.example";
    public const string CareWorkerA = "zorg-a@demo.school.example";
    public const string CareWorkerB = "zorg-b@demo.school.example";
    public const string CareWorkerC = "zorg-c@demo.school.example";
    public const string Coordinator = "coordinator@demo.school.example";
    public const string SchoolLeader = "schoolleiding@demo.school.example";
    public const string Admin = "beheer@demo.school.example";
    public const string PrivacyOfficer = "fg@demo.school.example";

    /// <summary>Created by the beheerder, not signed in yet: must choose a password and enrol with a code (ADR 0038).</summary>
    public const string Newcomer = "nieuw@demo.school.example";

    public static IReadOnlyList<(string Email, StaffRole Role, string Name)> PerRole { get; } =
    [
        (Mentor, StaffRole.Mentor, "Sanne de Vries"),
        (CareWorkerA, StaffRole.CareWorkerA, "Youssef El Amrani"),
        (CareWorkerB, StaffRole.CareWorkerB, "Marieke Jansen"),
        (CareWorkerC, StaffRole.CareWorkerC, "Pieter van Dijk"),
        (Coordinator, StaffRole.Coordinator, "Fatma Yilmaz"),
        (SchoolLeader, StaffRole.SchoolLeader, "Hans Bakker"),
        (Admin, StaffRole.Admin, "Ingrid Smit"),
        (PrivacyOfficer, StaffRole.PrivacyOfficer, "Karin Vermeulen"),
    ];
}
