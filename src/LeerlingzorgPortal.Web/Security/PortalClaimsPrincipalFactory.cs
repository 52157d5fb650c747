using System.Security.Claims;
using LeerlingzorgPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>Adds the staff member's display name to the sign-in, for the page header.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    PortalDbContext db)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "lzp:display_name";

    /// <summary>"true" when the account uses an authenticator app; refreshed with the security stamp check.</summary>
    public const string TwoFactorClaim = "lzp:two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var displayName = await db.StaffMembers.Where(s => s.Id == user.Id).Select(s => s.DisplayName)
            .SingleOrDefaultAsync();
        identity.AddClaim(new Claim(DisplayNameClaim, displayName ?? user.Email ?? user.Id));
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string DisplayName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(PortalClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty;
    }
}
