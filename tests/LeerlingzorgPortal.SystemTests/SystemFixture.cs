using System.Collections.Concurrent;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>What the system tests seed: one location, one mentor group, a pupil in it, a pupil who left long ago.</summary>
public sealed record SystemOrganisation(int LocationId, int PupilId, int LeftPupilId, string MentorId, string CoordinatorId)
{
    public const string Password = "Testwachtwoord1";
    public const string Mentor = "mentor@systeem.example";
    public const string Coordinator = "coordinator@systeem.example";
}

/// <summary>
/// A fresh database for one test class (PostgreSQL on the server in PORTAL_TEST_POSTGRES, or a SQLite file),
/// migrated and seeded through the portal's own services in-process; then the tests start real portal
/// processes over it. Every process started here is killed on dispose.
/// </summary>
public abstract class SystemFixture(TestDatabase database) : IAsyncLifetime
{
    private readonly ConcurrentBag<PortalProcess> _processes = [];
    private SystemOrganisation? _org;

    public TestDatabase Database { get; } = database;

    public SystemOrganisation Org => _org ?? throw new InvalidOperationException($"No database: {Database.UnavailableReason}");

    public virtual async ValueTask InitializeAsync()
    {
        if (Database.UnavailableReason is not null)
        {
            return;
        }

        await using var factory = new PortalFactory(Database, TimeProvider.System);
        await using var scope = factory.Services.CreateAsyncScope();
        _org = await SeedAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    public void RequireDatabase()
    {
        if (Database.UnavailableReason is { } reason)
        {
            TestEnvironment.SkipOrFail(reason);
        }
    }

    /// <summary>The settings of a portal process: this database, production otherwise, and the retention job if asked.</summary>
    public IReadOnlyDictionary<string, string> Settings(bool retentionJob = false) => new Dictionary<string, string>
    {
        ["Database:Provider"] = Database.Provider.ToString(),
        ["ConnectionStrings:Portal"] = Database.ConnectionString,
        ["Security:RequireTwoFactor"] = "false",
        ["Security:Throttling:PerClientPerMinute"] = "100000",
        ["Security:Throttling:PerAccountPerMinute"] = "100000",
        ["Retention:DailyJob"] = retentionJob ? "true" : "false",
        ["Retention:FirstDelay"] = "00:00:00",
        ["Retention:CheckInterval"] = "00:00:00.500",
        ["Serilog:MinimumLevel:Override:LeerlingzorgPortal.Web.Features.Retention.RetentionJob"] = "Debug",
        ["Logging:LogLevel:LeerlingzorgPortal.Web.Features.Retention.RetentionJob"] = "Debug",
    };

    public PortalProcess StartPortal(string name, bool retentionJob = false)
    {
        var portal = PortalProcess.Start(name, Settings(retentionJob));
        _processes.Add(portal);
        return portal;
    }

    /// <summary>A context straight on the database, for checks after the processes have run (or died).</summary>
    public PortalDbContext NewContext() => Database.Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(Database.ConnectionString).Options)
        : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(Database.ConnectionString).Options);

    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = NewContext();
        return await query(db);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static async Task<SystemOrganisation> SeedAsync(PortalDbContext db, UserManager<PortalUser> users)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var board = new Board("Stichting Systeemtest");
        var location = board.AddLocation("Locatie Noord", "S-N");
        var group = location.AddMentorGroup("1A", SchoolYear.Containing(today));
        db.Boards.Add(board);
        await db.SaveChangesAsync();

        var pupil = new Pupil("S1001", new PersonName("Anna", "de", "Jong"), new DateOnly(2012, 3, 14), location);
        pupil.PlaceInMentorGroup(group);
        var left = new Pupil("S1002", new PersonName("Oud", null, "Leerling"), new DateOnly(2005, 5, 1), location);
        left.MarkLeft(today.AddYears(-3).AddDays(-1));
        db.Pupils.AddRange(pupil, left);
        await db.SaveChangesAsync();

        async Task<string> Account(string email, string name, StaffRole role, MentorGroup[] groups)
        {
            var user = new PortalUser { UserName = email, Email = email };
            var created = await users.CreateAsync(user, SystemOrganisation.Password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role.ToString());
            var staff = new StaffMember(user.Id, name, email);
            staff.AssignWorkplaces([location.Id], groups);
            db.StaffMembers.Add(staff);
            await db.SaveChangesAsync();
            return user.Id;
        }

        var mentor = await Account(SystemOrganisation.Mentor, "Mentor Systeem", StaffRole.Mentor, [group]);
        var coordinator = await Account(SystemOrganisation.Coordinator, "Coördinator Systeem", StaffRole.Coordinator, []);
        return new SystemOrganisation(location.Id, pupil.Id, left.Id, mentor, coordinator);
    }
}

public sealed class PostgreSqlSystemFixture() : SystemFixture(new PostgreSqlTestDatabase());

public sealed class SqliteSystemFixture() : SystemFixture(new SqliteTestDatabase());
