using LeerlingzorgPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

public sealed record LocationOption(int Id, string Name, IReadOnlyList<MentorGroupOption> MentorGroups);

public sealed record MentorGroupOption(int Id, string Name, string SchoolYear);

/// <summary>The locations and their mentor groups an admin can pick from.</summary>
public sealed class StaffAssignmentOptionsQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<LocationOption>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var locations = await db.Locations.AsNoTracking()
            .OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name })
            .ToListAsync(cancellationToken);
        var groups = await db.MentorGroups.AsNoTracking()
            .OrderByDescending(g => g.SchoolYear).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.SchoolYear, g.LocationId })
            .ToListAsync(cancellationToken);
        return locations.Select(l => new LocationOption(l.Id, l.Name,
                groups.Where(g => g.LocationId == l.Id)
                    .Select(g => new MentorGroupOption(g.Id, g.Name, g.SchoolYear.ToString())).ToList()))
            .ToList();
    }
}
