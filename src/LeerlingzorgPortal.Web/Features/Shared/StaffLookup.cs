using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Shared;

public sealed record StaffOption(string Id, string Name);

/// <summary>Who works where in which role: the people that can be picked or told.</summary>
public sealed class StaffLookup(PortalDbContext db)
{
    private static readonly string[] CareWorkerRoles =
        [nameof(StaffRole.CareWorkerA), nameof(StaffRole.CareWorkerB), nameof(StaffRole.CareWorkerC)];

    /// <summary>Active care workers who can take a case at this location (level c works everywhere).</summary>
    public Task<List<StaffOption>> CareWorkersForAsync(int locationId, CancellationToken cancellationToken = default) =>
        CareWorkersFor(locationId)
            .OrderBy(s => s.DisplayName)
            .Select(s => new StaffOption(s.Id, s.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>The care workers of <see cref="CareWorkersForAsync"/> as a query, to combine with others in one command.</summary>
    public IQueryable<StaffMember> CareWorkersFor(int locationId) =>
        ActiveWithRoles(CareWorkerRoles)
            .Where(s => s.Locations.Any(l => l.LocationId == locationId)
                        || db.UserRoles.Any(ur => ur.UserId == s.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == nameof(StaffRole.CareWorkerC))));

    public Task<List<string>> CoordinatorIdsAtAsync(int locationId, CancellationToken cancellationToken = default) =>
        ActiveWithRoles([nameof(StaffRole.Coordinator)])
            .Where(s => s.Locations.Any(l => l.LocationId == locationId))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Everyone active at the location: any of them can own an action item.</summary>
    public Task<List<StaffOption>> StaffAtAsync(int locationId, CancellationToken cancellationToken = default) =>
        StaffAt(locationId)
            .OrderBy(s => s.DisplayName)
            .Select(s => new StaffOption(s.Id, s.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>The people of <see cref="StaffAtAsync"/> as a query, to combine with others in one command.</summary>
    public IQueryable<StaffMember> StaffAt(int locationId) =>
        db.StaffMembers.AsNoTracking().Where(s => s.IsActive && s.Locations.Any(l => l.LocationId == locationId));

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.StaffMembers.AsNoTracking().Where(s => wanted.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
    }

    private IQueryable<StaffMember> ActiveWithRoles(string[] roles) =>
        db.StaffMembers.AsNoTracking().Where(s => s.IsActive && db.UserRoles.Any(ur => ur.UserId == s.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
