using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Home;

public sealed record HomeOverview(
    string DisplayName,
    string Email,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<string> Locations,
    IReadOnlyList<HomeMentorGroup> MentorGroups,
    int? ReachablePupils,
    int? ActiveAccounts);

public sealed record HomeMentorGroup(int Id, string Name, string Location, string SchoolYear, int PupilCount);

/// <summary>Who am I, where do I work, which groups do I mentor: the first thing every role sees.</summary>
public sealed class HomeOverviewQuery(PortalDbContext db)
{
    /// <returns>Null when the signed-in account has no active staff member behind it.</returns>
    public async Task<HomeOverview?> HandleAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // The staff row and the counts in one command.
        var locationIds = scope.LocationIds.ToList();
        var mayCountPupils = scope.MaySeePupils;
        var mayCountAccounts = scope.Has(StaffRole.Admin);
        var readablePupils = db.Pupils.AsNoTracking().Where(PupilAccess.ReadableBy(scope));
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == scope.StaffMemberId && s.IsActive)
            .Select(s => new
            {
                s.DisplayName,
                s.Email,
                Reachable = mayCountPupils ? readablePupils.Count() : 0,
                ActiveAccounts = mayCountAccounts ? db.StaffMembers.Count(a => a.IsActive) : 0,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (staff is null)
        {
            return null;
        }

        var locations = await db.Locations.AsNoTracking()
            .Where(l => locationIds.Contains(l.Id))
            .OrderBy(l => l.Name)
            .Select(l => l.Name)
            .ToListAsync(cancellationToken);
        var groups = await db.MentorGroups.AsNoTracking()
            .Where(g => scope.MentorGroupIds.Contains(g.Id))
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

        int? reachable = mayCountPupils ? staff.Reachable : null;
        int? activeAccounts = mayCountAccounts ? staff.ActiveAccounts : null;

        return new HomeOverview(staff.DisplayName, staff.Email, scope.Roles.Order().ToList(), locations,
            groups.Select(g => new HomeMentorGroup(g.Id, g.Name, g.Location, g.SchoolYear.ToString(), g.PupilCount))
                .ToList(),
            reachable, activeAccounts);
    }
}
