using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Organisation;

public sealed record OrganisationOverview(string? BoardName, IReadOnlyList<LocationSummary> Locations,
    SchoolYear CurrentSchoolYear);

public sealed record LocationSummary(int Id, string Name, string Code, IReadOnlyList<GroupSummary> MentorGroups);

public sealed record GroupSummary(string Name, string SchoolYear, int PupilCount, bool IsArchived, bool IsPreviousYear);

public sealed class OrganisationOverviewQuery(PortalDbContext db, TimeProvider clock)
{
    public async Task<OrganisationOverview> HandleAsync(CancellationToken cancellationToken = default)
    {
        var board = await db.Boards.AsNoTracking().Select(b => b.Name).FirstOrDefaultAsync(cancellationToken);
        var locations = await db.Locations.AsNoTracking().OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name, l.Code }).ToListAsync(cancellationToken);
        var groups = await db.MentorGroups.AsNoTracking()
            .OrderByDescending(g => g.SchoolYear).ThenBy(g => g.Name)
            .Select(g => new { g.LocationId, g.Name, g.SchoolYear, g.IsArchived, Pupils = db.Pupils.Count(p => p.MentorGroupId == g.Id) })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var previous = new SchoolYear(SchoolYear.Containing(today).StartYear - 1);
        return new OrganisationOverview(board,
            locations.Select(l => new LocationSummary(l.Id, l.Name, l.Code,
                groups.Where(g => g.LocationId == l.Id)
                    .Select(g => new GroupSummary(g.Name, g.SchoolYear.ToString(), g.Pupils, g.IsArchived, g.SchoolYear == previous)).ToList())).ToList(),
            SchoolYear.Containing(today));
    }
}
