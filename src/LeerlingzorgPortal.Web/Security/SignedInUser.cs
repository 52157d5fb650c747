using System.Globalization;
using LeerlingzorgPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>What the sign-in's claims are made of, besides the user row itself.</summary>
public sealed class ClaimFacts
{
    public string? DisplayName { get; init; }
    public List<string?> Roles { get; init; } = [];
    public List<StoredClaim> RoleClaims { get; init; } = [];
    public List<StoredClaim> UserClaims { get; init; } = [];
}

public sealed class StoredClaim
{
    public string? Type { get; init; }
    public string? Value { get; init; }
}

/// <summary>
/// The staff member behind the sign-in as the need-to-know scope needs it: whether they are active, and
/// their locations and mentor groups (read with the session check, see <see cref="CurrentStaff"/>).
/// </summary>
public sealed record StaffFacts(bool Active, IReadOnlyList<int> LocationIds, IReadOnlyList<int> MentorGroupIds)
{
    /// <summary>The ids of a comma-separated list as the database's string aggregate makes it (null or empty: none).</summary>
    public static IReadOnlyList<int> Ids(string? joined) =>
        string.IsNullOrEmpty(joined)
            ? []
            : joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
}

/// <summary>
/// The per-request facts about the signed-in person that the session check reads in its one round trip
/// (ADR 0026, "per-request floor"): the user row (for the security-stamp check), whether the session row
/// exists, everything the claims are made of, the unread-notification count of the menu badge, and the
/// staff member's need-to-know facts (active, locations, mentor groups) that <see cref="CurrentStaff"/>
/// builds the request's scope from, so the scope costs no command of its own (ADR 0031). Scoped to the
/// request; the claims are handed out once (to the security-stamp check that follows the session check),
/// so a later refresh of the sign-in in the same request reads the database again.
/// </summary>
public sealed class SignedInUser(PortalDbContext db)
{
    private string? _userId;
    private ClaimFacts? _claims;
    private StaffFacts? _staff;

    /// <summary>The signed-in person's unread notifications as read at the start of the request, or null.</summary>
    public int? UnreadNotifications { get; private set; }

    /// <summary>The session row and the user row, the claims' facts, the badge count and the staff facts: one SQL command.</summary>
    public async Task<(PortalUser? User, bool SessionActive)> LoadAsync(string userId, string sessionId)
    {
        var found = await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                User = u,
                Active = db.UserTokens.Any(t => t.UserId == userId && t.LoginProvider == PortalSessions.LoginProvider
                                                && t.Name == sessionId),
                Facts = new ClaimFacts
                {
                    DisplayName = db.StaffMembers.Where(s => s.Id == u.Id).Select(s => s.DisplayName).FirstOrDefault(),
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
                    RoleClaims = db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.RoleClaims, ur => ur.RoleId, c => c.RoleId,
                            (ur, c) => new StoredClaim { Type = c.ClaimType, Value = c.ClaimValue }).ToList(),
                    UserClaims = db.UserClaims.Where(c => c.UserId == u.Id)
                        .Select(c => new StoredClaim { Type = c.ClaimType, Value = c.ClaimValue }).ToList(),
                },
                Unread = db.Notifications.Count(n => n.RecipientId == u.Id && n.ReadAt == null),
                // Scalar subqueries (the ids joined into one string each), so the collections above are not multiplied.
                // int.ToString() here is SQL (a cast to text), never formatted in .NET: CA1305 does not apply.
#pragma warning disable CA1305
                StaffActive = db.StaffMembers.Any(s => s.Id == u.Id && s.IsActive),
                StaffLocations = db.StaffMembers.Where(s => s.Id == u.Id)
                    .Select(s => string.Join(",", s.Locations.Select(l => l.LocationId.ToString())))
                    .FirstOrDefault(),
                StaffGroups = db.StaffMembers.Where(s => s.Id == u.Id)
                    .Select(s => string.Join(",", s.MentorGroups.Select(g => g.MentorGroupId.ToString())))
                    .FirstOrDefault(),
#pragma warning restore CA1305
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync();
        if (found is null)
        {
            Forget();
            return (null, false);
        }

        _userId = userId;
        _claims = found.Facts;
        _staff = new StaffFacts(found.StaffActive, StaffFacts.Ids(found.StaffLocations), StaffFacts.Ids(found.StaffGroups));
        UnreadNotifications = found.Unread;
        return (found.User, found.Active);
    }

    /// <summary>The claims' facts straight from the database (a sign-in, or a refresh later in the request).</summary>
    public Task<ClaimFacts?> ReadClaimsAsync(string userId) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new ClaimFacts
            {
                DisplayName = db.StaffMembers.Where(s => s.Id == u.Id).Select(s => s.DisplayName).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
                RoleClaims = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.RoleClaims, ur => ur.RoleId, c => c.RoleId,
                        (ur, c) => new StoredClaim { Type = c.ClaimType, Value = c.ClaimValue }).ToList(),
                UserClaims = db.UserClaims.Where(c => c.UserId == u.Id)
                    .Select(c => new StoredClaim { Type = c.ClaimType, Value = c.ClaimValue }).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync();

    /// <summary>The claims' facts read by the session check of this request, once; null when there are none.</summary>
    public ClaimFacts? TakeClaims(string userId)
    {
        var claims = string.Equals(_userId, userId, StringComparison.Ordinal) ? _claims : null;
        _claims = null;
        return claims;
    }

    /// <summary>Drops the claims' facts (after the security-stamp check, or when the session was refused).</summary>
    public void ForgetClaims() => _claims = null;

    /// <summary>
    /// The staff facts read by this request's session check for this user, or null (no session check ran,
    /// it was refused, or it was for someone else): kept for the whole request, like the badge count.
    /// </summary>
    public StaffFacts? StaffFor(string userId) => string.Equals(_userId, userId, StringComparison.Ordinal) ? _staff : null;

    /// <summary>Drops the staff facts (the session was refused: its scope may not be used later in the request).</summary>
    public void ForgetStaff() => _staff = null;

    /// <summary>The badge count is out of date (a notification was read in this request): ask the database again.</summary>
    public void ForgetUnread() => UnreadNotifications = null;

    private void Forget()
    {
        _userId = null;
        _claims = null;
        _staff = null;
        UnreadNotifications = null;
    }
}
