using System.Security.Claims;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// The signed-in staff member's scope for need-to-know decisions, loaded once per request.
/// Roles come from the sign-in (refreshed on every request by the security-stamp check); locations
/// and mentor groups from the database: read by the session check's one query of this request
/// (<see cref="SignedInUser"/>), or else with a query of their own.
/// </summary>
public sealed class CurrentStaff(IHttpContextAccessor httpContextAccessor, PortalDbContext db, SignedInUser signedInUser)
{
    private StaffScope? _scope;

    public string? UserId => httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<StaffScope> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        var user = httpContextAccessor.HttpContext?.User;
        var userId = UserId;
        if (user is null || userId is null)
        {
            return _scope = StaffScope.Nobody;
        }

        // The same rule as ForUserAsync: an inactive staff member (or none behind the account) has no scope.
        if (signedInUser.StaffFor(userId) is { } facts)
        {
            return _scope = facts.Active
                ? new StaffScope(userId, RolesOf(user), facts.LocationIds, facts.MentorGroupIds)
                : StaffScope.Nobody;
        }

        _scope = await ForUserAsync(db, userId, RolesOf(user), cancellationToken);
        return _scope;
    }

    public static async Task<StaffScope> ForUserAsync(PortalDbContext db, string userId, IEnumerable<StaffRole> roles,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == userId && s.IsActive)
            .Select(s => new
            {
                LocationIds = s.Locations.Select(l => l.LocationId).ToList(),
                MentorGroupIds = s.MentorGroups.Select(g => g.MentorGroupId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return staff is null
            ? StaffScope.Nobody
            : new StaffScope(userId, roles, staff.LocationIds, staff.MentorGroupIds);
    }

    public static IEnumerable<StaffRole> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var claim in user.FindAll(ClaimTypes.Role))
        {
            if (PortalRoles.TryParse(claim.Value, out var role))
            {
                yield return role;
            }
        }
    }
}
