using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

// Case-insensitive search uses ToLower inside queries: EF translates it to SQL lower(), where .NET
// culture settings do not apply.
#pragma warning disable CA1304, CA1311, CA1862

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

public sealed record StaffRow(string Id, string DisplayName, string Email, bool IsActive, IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<string> Locations);

public sealed record StaffDirectoryPage(string? Search, PagedList<StaffRow> Staff);

/// <summary>All staff accounts for the admin, searched by name or e-mail, a page at a time.</summary>
public sealed class StaffDirectoryQuery(PortalDbContext db)
{
    public const int PageSize = 25;

    public async Task<StaffDirectoryPage> HandleAsync(string? search, int? page, CancellationToken cancellationToken = default)
    {
        var query = db.StaffMembers.AsNoTracking();
        var term = search?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(term))
        {
            query = query.Where(s => s.DisplayName.ToLower().Contains(term) || s.Email.ToLower().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var rows = await query
            .OrderBy(s => s.DisplayName).ThenBy(s => s.Id)
            .Skip((current - 1) * PageSize)
            .Take(PageSize)
            .Select(s => new
            {
                s.Id,
                s.DisplayName,
                s.Email,
                s.IsActive,
                Roles = db.UserRoles.Where(ur => ur.UserId == s.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                Locations = s.Locations.Join(db.Locations, sl => sl.LocationId, l => l.Id, (_, l) => l.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new StaffRow(r.Id, r.DisplayName, r.Email, r.IsActive,
                r.Roles.Select(n => PortalRoles.TryParse(n, out var role) ? role : (StaffRole?)null)
                    .OfType<StaffRole>().Order().ToList(),
                r.Locations.Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new StaffDirectoryPage(search, new PagedList<StaffRow>(items, current, PageSize, total));
    }
}
