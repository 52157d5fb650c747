using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>
/// A small, fully known school: two locations, three mentor groups, four pupils and one account per
/// role, so tests can state exactly who sees what.
/// </summary>
public sealed class TestOrganisation
{
    public const string Password = "Testwachtwoord1";

    /// <summary>
    /// The enrolment code every test account holds, valid 72 hours from the fake clock's start (ADR 0038).
    /// Test accounts are past their first sign-in (no password change asked) unless a test asks otherwise.
    /// </summary>
    public const string EnrolmentCode = "TEST-CODE-VANB-EHRD";

    public const string MentorA = "mentor-a@test.example";
    public const string MentorB = "mentor-b@test.example";
    public const string CareWorkerNorth = "zorg-a-noord@test.example";
    public const string CareWorkerSouth = "zorg-b-zuid@test.example";
    public const string CareWorkerC = "zorg-c@test.example";
    public const string CoordinatorNorth = "coordinator-noord@test.example";
    public const string SchoolLeader = "schoolleiding@test.example";
    public const string Admin = "beheer@test.example";
    public const string PrivacyOfficer = "fg@test.example";

    public int NorthId { get; private set; }

    public int SouthId { get; private set; }

    public int GroupA { get; private set; }

    public int GroupB { get; private set; }

    public int GroupSouth { get; private set; }

    /// <summary>Pupils by name: Anna and Bram in group A (north), Carmen in group B (north), Sem in the south.</summary>
    public Dictionary<string, int> Pupils { get; } = [];

    public Dictionary<string, string> UserIds { get; } = [];

    public static async Task<TestOrganisation> CreateAsync(IServiceProvider services)
    {
        var org = new TestOrganisation();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var year = new SchoolYear(2026);

        var board = new Board("Stichting Test");
        var north = board.AddLocation("Locatie Noord", "T-N");
        var south = board.AddLocation("Locatie Zuid", "T-Z");
        var groupA = north.AddMentorGroup("1A", year);
        var groupB = north.AddMentorGroup("2B", year);
        var groupSouth = south.AddMentorGroup("3C", year);
        db.Boards.Add(board);
        await db.SaveChangesAsync();
        (org.NorthId, org.SouthId, org.GroupA, org.GroupB, org.GroupSouth) =
            (north.Id, south.Id, groupA.Id, groupB.Id, groupSouth.Id);

        Pupil Add(string number, string first, string? prefix, string last, Location location, MentorGroup group)
        {
            var pupil = new Pupil(number, new PersonName(first, prefix, last), new DateOnly(2012, 3, 14), location);
            pupil.PlaceInMentorGroup(group);
            pupil.AddGuardian($"Ouder van {first}", GuardianRelationship.Mother, "06-11112222", $"ouder.{first.ToLowerInvariant()}@test.example", true);
            db.Pupils.Add(pupil);
            return pupil;
        }

        var anna = Add("T1001", "Anna", "de", "Jong", north, groupA);
        var bram = Add("T1002", "Bram", null, "Visser", north, groupA);
        var carmen = Add("T1003", "Carmen", "van", "Dijk", north, groupB);
        var sem = Add("T1004", "Sem", null, "Bakker", south, groupSouth);
        await db.SaveChangesAsync();
        org.Pupils["Anna"] = anna.Id;
        org.Pupils["Bram"] = bram.Id;
        org.Pupils["Carmen"] = carmen.Id;
        org.Pupils["Sem"] = sem.Id;

        async Task Account(string email, string name, StaffRole[] roles, int[] locations, MentorGroup[] groups)
        {
            var id = await CreateAccountAsync(users, db, email, name, roles, locations, groups);
            org.UserIds[email] = id;
        }

        await Account(MentorA, "Mentor A", [StaffRole.Mentor], [north.Id], [groupA]);
        await Account(MentorB, "Mentor B", [StaffRole.Mentor], [north.Id], [groupB]);
        await Account(CareWorkerNorth, "Zorg Noord", [StaffRole.CareWorkerA], [north.Id], []);
        await Account(CareWorkerSouth, "Zorg Zuid", [StaffRole.CareWorkerB], [south.Id], []);
        await Account(CareWorkerC, "Zorg C", [StaffRole.CareWorkerC], [north.Id], []);
        await Account(CoordinatorNorth, "Coördinator Noord", [StaffRole.Coordinator], [north.Id], []);
        await Account(SchoolLeader, "Schoolleider", [StaffRole.SchoolLeader], [north.Id, south.Id], []);
        await Account(Admin, "Beheerder", [StaffRole.Admin], [], []);
        await Account(PrivacyOfficer, "Functionaris Gegevensbescherming", [StaffRole.PrivacyOfficer], [], []);
        return org;
    }

    public static async Task<string> CreateAccountAsync(UserManager<PortalUser> users, PortalDbContext db, string email,
        string name, StaffRole[] roles, int[] locations, MentorGroup[] groups)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        var user = new PortalUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        db.Entry(user).Property(u => u.EnrolmentCodeHash).CurrentValue = Domain.Accounts.EnrolmentCode.Hash(EnrolmentCode);
        db.Entry(user).Property(u => u.EnrolmentCodeExpiresAt).CurrentValue =
            FakeClock.Default + Domain.Accounts.EnrolmentCode.ValidFor;
        await users.AddToRolesAsync(user, roles.Select(r => r.ToString()));
        var staff = new StaffMember(user.Id, name, email);
        staff.AssignWorkplaces(locations, groups);
        db.StaffMembers.Add(staff);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
