using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Home;

public sealed record HomeOverview(
    string DisplayName,
    string Email,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<string> Locations,
    IReadOnlyList<HomeMentorGroup> MentorGroups,
    int? ReachablePupils,
    int? ActiveAccounts)
{
    /// <summary>The user's open action items (the care part's heading), counted in the same command.</summary>
    public int OpenActionItems { get; init; }

    /// <summary>The intake queue's length for a coordinator (0 otherwise), counted in the same command.</summary>
    public int QueueCount { get; init; }

    /// <summary>
    /// For a coordinator, the open cases they oversee per care worker (null: nobody assigned), with the overdue
    /// action items of those cases, counted in the same command; empty for everyone else.
    /// </summary>
    public IReadOnlyList<WorkerLoad> Caseload { get; init; } = [];

    /// <summary>The first open action items and unread notifications, the protocols due and the late feedback.</summary>
    public HomeLists Lists { get; init; } = new([], [], [], []);
}

/// <summary>A care worker's open cases and their overdue action items (no id or name: the unassigned cases).</summary>
public sealed record WorkerLoad(string? WorkerId, string? Name, int Cases, int Overdue);

public sealed record HomeMentorGroup(int Id, string Name, string Location, string SchoolYear, int PupilCount);

/// <summary>Who am I, where do I work, which groups do I mentor: the first thing every role sees.</summary>
public sealed class HomeOverviewQuery(PortalDbContext db, CareAccess careAccess, HomeListsQuery lists, TimeProvider clock)
{
    private const string LocationSeparator = "\u001F";

    /// <returns>Null when the signed-in account has no active staff member behind it.</returns>
    public async Task<HomeOverview?> HandleAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        var groupIds = scope.MentorGroupIds.ToList();
        var mayCountPupils = scope.MaySeePupils;
        var mayCountAccounts = scope.Has(StaffRole.Admin);
        var isCoordinator = scope.Has(StaffRole.Coordinator);
        var isCareWorker = scope.IsCareWorker;
        var readablePupils = db.Pupils.AsNoTracking().Where(PupilAccess.ReadableBy(scope));
        var readable = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken));
        var submitted = readable.Where(r => r.Status == ReferralStatus.Submitted);
        // The coordinator's caseload per care worker: the open cases they oversee and their overdue action items.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = readable.Where(r => isCoordinator && (r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress));
        // The staff row and the counts in one command (scalar subqueries); the small lists of the user's own work in one
        // more (HomeListsQuery); the mentor groups and the coordinator's caseload in one each.
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == me && s.IsActive)
            .Select(s => new
            {
                s.DisplayName,
                s.Email,
                Reachable = mayCountPupils ? readablePupils.Count() : 0,
                ActiveAccounts = mayCountAccounts ? db.StaffMembers.Count(a => a.IsActive) : 0,
                OpenItems = db.ActionItems.Count(i => i.OwnerId == me && i.Status == ActionItemStatus.Open),
                Queue = isCoordinator ? submitted.Count() : 0,
                // The location names as one string, so the list costs no command of its own (split below).
                // (the scope's locations are this staff row's: correlated, not a parameter list, which SQLite could
                // only join with APPLY).
                Locations = string.Join(LocationSeparator,
                    s.Locations.Select(sl => db.Locations.Where(l => l.Id == sl.LocationId).Select(l => l.Name).FirstOrDefault())),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (staff is null)
        {
            return null;
        }

        // Location names are entered without control characters, so the unit separator cannot occur in one; the
        // database may hand the joined names back in any order.
        var locationNames = (staff.Locations ?? string.Empty)
            .Split(LocationSeparator, StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.CurrentCulture).ToList();
        // Nothing to ask when the scope holds no mentor group.
        var groups = groupIds.Count == 0 ? [] : await db.MentorGroups.AsNoTracking()
            .Where(g => groupIds.Contains(g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Id,
                g.Name,
                Location = g.Location!.Name,
                g.SchoolYear,
                PupilCount = db.Pupils.Count(p => p.MentorGroupId == g.Id),
            })
            .ToListAsync(cancellationToken);
        // The coordinator sees the late feedback of every case they may read; a care worker that of their own cases.
        var own = await lists.HandleAsync(scope, lateFeedback: isCoordinator ? false : isCareWorker ? true : null, cancellationToken);
        var workers = isCoordinator
            ? await open
                .Select(r => new
                {
                    r.AssignedCareWorkerId,
                    Overdue = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open && i.DueDate < today),
                })
                .GroupBy(r => r.AssignedCareWorkerId)
                .Select(g => new
                {
                    WorkerId = g.Key,
                    Name = db.StaffMembers.Where(w => w.Id == g.Key).Select(w => w.DisplayName).FirstOrDefault(),
                    Count = g.Count(),
                    Overdue = g.Sum(r => r.Overdue),
                })
                .ToListAsync(cancellationToken)
            : [];

        int? reachable = mayCountPupils ? staff.Reachable : null;
        int? activeAccounts = mayCountAccounts ? staff.ActiveAccounts : null;
        return new HomeOverview(staff.DisplayName, staff.Email, scope.Roles.Order().ToList(), locationNames,
            groups.Select(g => new HomeMentorGroup(g.Id, g.Name, g.Location, g.SchoolYear.ToString(), g.PupilCount))
                .ToList(),
            reachable, activeAccounts)
        {
            OpenActionItems = staff.OpenItems,
            QueueCount = staff.Queue,
            Caseload = workers.Select(w => new WorkerLoad(w.WorkerId, w.WorkerId is null ? null : w.Name, w.Count, w.Overdue)).ToList(),
            Lists = own,
        };
    }
}
