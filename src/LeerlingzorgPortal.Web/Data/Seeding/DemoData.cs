using Bogus;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Fills an empty database with a realistic demo board: two locations, twelve mentor groups,
/// 300 pupils with Dutch names and their guardians, and one account per role. Only in
/// Development: elsewhere there is no demo data and there are no default passwords.
/// </summary>
public sealed class DemoData(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string SeedSettingKey = "Demo:Seed";
    private const int PupilCount = 300;
    private static readonly string[] GroupNames = ["1A", "1B", "2A", "2B", "3H", "3V", "4H", "4V", "5H", "5V", "6V", "3M"];

    public static async Task SeedIfWantedAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue(SeedSettingKey, defaultValue: true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Boards.AnyAsync(cancellationToken))
        {
            return;
        }

        var faker = new Faker("nl") { Random = new Randomizer(20261122) };
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var schoolYear = SchoolYear.Containing(today);

        var board = new Board("Stichting Voortgezet Onderwijs De Rijnstreek");
        var north = board.AddLocation("Rijnstreek College, locatie Noord", "RC-N");
        var south = board.AddLocation("Rijnstreek College, locatie Zuid", "RC-Z");
        var groups = GroupNames.Take(6).Select(n => north.AddMentorGroup(n, schoolYear))
            .Concat(GroupNames.Skip(6).Take(6).Select(n => south.AddMentorGroup(n, schoolYear)))
            .ToList();
        db.Boards.Add(board);
        await db.SaveChangesAsync(cancellationToken);

        AddPupils(faker, groups, today);
        await db.SaveChangesAsync(cancellationToken);

        var staff = await AddStaffAsync(north, south, groups);
        await db.SaveChangesAsync(cancellationToken);

        await new DemoCareWork(db, clock.GetUtcNow()).AddAsync(staff, north, south, cancellationToken);
        await new DemoOffering(db, clock.GetUtcNow()).AddAsync(staff, cancellationToken);
        await new DemoAccommodations(db, clock.GetUtcNow()).AddAsync(staff, cancellationToken);
        await new DemoProtocols(db, clock.GetUtcNow()).AddAsync(staff, cancellationToken);
        await new DemoYearReports(db, clock.GetUtcNow()).AddAsync(staff, north, cancellationToken);

        // Last, so the pupils it uses do not change whom the offering and accommodations above pick.
        await new DemoReportHistory(db, clock.GetUtcNow()).AddAsync(staff, north, south, cancellationToken);
        await new DemoRetention(db, clock).AddAsync(staff, north, cancellationToken);

        // After everything else: the audit log reads the cases assigned above.
        await new DemoAudit(db, clock.GetUtcNow()).AddAsync(staff, north, south, cancellationToken);
        logger.LogInformation("Demo board created with {PupilCount} pupils and {GroupCount} mentor groups",
            PupilCount, groups.Count);
    }

    private void AddPupils(Faker faker, List<MentorGroup> groups, DateOnly today)
    {
        string[] prefixes = ["van", "de", "van der", "van den", "ter", "van de"];
        for (var i = 0; i < PupilCount; i++)
        {
            var group = groups[i % groups.Count];
            var year = int.Parse(group.Name[..1], System.Globalization.CultureInfo.InvariantCulture);
            var birth = today.AddYears(-(11 + year)).AddDays(-faker.Random.Int(0, 364));
            var prefix = faker.Random.Bool(0.25f) ? faker.PickRandom(prefixes) : null;
            var lastName = faker.Name.LastName();
            var name = new PersonName(faker.Name.FirstName(), prefix, lastName);
            var pupil = new Pupil($"{240000 + i * 7 + 13}", name, birth, group.Location!);
            pupil.PlaceInMentorGroup(group);

            var parentName = $"{faker.Name.FirstName()} {(prefix is null ? lastName : $"{prefix} {lastName}")}";
            pupil.AddGuardian(parentName, faker.PickRandom(GuardianRelationship.Mother, GuardianRelationship.Father),
                $"06-{faker.Random.Number(10000000, 99999999)}", faker.Internet.Email(name.FirstName, lastName, "ouders.example"),
                hasParentalAuthority: true);
            if (faker.Random.Bool(0.6f))
            {
                pupil.AddGuardian($"{faker.Name.FirstName()} {faker.Name.LastName()}", GuardianRelationship.Parent,
                    $"06-{faker.Random.Number(10000000, 99999999)}", null, hasParentalAuthority: faker.Random.Bool(0.8f));
            }

            db.Pupils.Add(pupil);
        }
    }

    private async Task<Dictionary<string, StaffMember>> AddStaffAsync(Location north, Location south, List<MentorGroup> groups)
    {
        var byEmail = new Dictionary<string, StaffMember>();
        var northGroups = groups.Where(g => g.LocationId == north.Id).ToList();
        var southGroups = groups.Where(g => g.LocationId == south.Id).ToList();

        foreach (var (email, role, name) in DemoAccounts.PerRole)
        {
            var staff = await CreateAccountAsync(email, name, role);
            byEmail[email] = staff;
            switch (role)
            {
                case StaffRole.Mentor:
                    staff.AssignWorkplaces([north.Id], [northGroups[0], northGroups[3]]);
                    break;
                case StaffRole.CareWorkerA or StaffRole.Coordinator:
                    staff.AssignWorkplaces([north.Id], []);
                    break;
                case StaffRole.CareWorkerB:
                    staff.AssignWorkplaces([south.Id], []);
                    break;
                case StaffRole.CareWorkerC or StaffRole.SchoolLeader:
                    staff.AssignWorkplaces([north.Id, south.Id], []);
                    break;
                default:
                    break;
            }
        }

        // Every other mentor group has a mentor too, so the board looks like a real school.
        string[] otherMentors = ["Bram Visser", "Lotte Mulder", "Ahmed Benali", "Eva de Boer", "Joost Peters"];
        var remaining = northGroups.Where((_, i) => i is not 0 and not 3).Concat(southGroups).ToList();
        for (var i = 0; i < otherMentors.Length; i++)
        {
            var email = $"mentor{i + 2}@demo.school.example";
            var staff = await CreateAccountAsync(email, otherMentors[i], StaffRole.Mentor);
            byEmail[email] = staff;
            var mine = remaining.Skip(i * 2).Take(2).ToList();
            staff.AssignWorkplaces(mine.Select(g => g.LocationId).Distinct().ToList(), mine);
        }

        // A newcomer the beheerder created yesterday: the password and the enrolment code are handed over,
        // the first sign-in (own password, then the app with the code) is still to come (ADR 0038).
        var newcomer = await CreateAccountAsync(DemoAccounts.Newcomer, "Noor Vermeulen", StaffRole.CareWorkerA,
            user =>
            {
                user.RequirePasswordChange();
                user.IssueEnrolmentCode(clock.GetUtcNow().AddDays(-1));
            });
        newcomer.AssignWorkplaces([north.Id], []);
        byEmail[DemoAccounts.Newcomer] = newcomer;

        return byEmail;
    }

    private async Task<StaffMember> CreateAccountAsync(string email, string name, StaffRole role,
        Action<PortalUser>? firstSignIn = null)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        firstSignIn?.Invoke(user);
        var result = await users.CreateAsync(user, DemoAccounts.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account could not be created: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        }

        await users.AddToRoleAsync(user, role.ToString());
        var staff = new StaffMember(user.Id, name, email);
        db.StaffMembers.Add(staff);
        return staff;
    }
}

public static class SeedingServiceCollectionExtensions
{
    public static IServiceCollection AddPortalSeeding(this IServiceCollection services) =>
        services.AddScoped<DemoData>();
}
