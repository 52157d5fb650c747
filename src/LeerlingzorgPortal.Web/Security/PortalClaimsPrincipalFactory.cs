using System.Security.Claims;
using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// The sign-in's claims, as Identity's own factory makes them (id, name, e-mail, security stamp, the
/// user's claims, each role with its claims) plus the staff member's display name for the page header.
/// The principal is rebuilt on every request by the security-stamp check (ADR 0004), so everything
/// besides the user row comes from the database in one query instead of Identity's one per kind and
/// two per role (ADR 0026); on an ordinary request those facts come with the session check's own query.
/// </summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    IOptions<IdentityOptions> options,
    SignedInUser signedInUser)
    : UserClaimsPrincipalFactory<PortalUser>(userManager, options)
{
    public const string DisplayNameClaim = "lzp:display_name";

    /// <summary>"true" when the account uses an authenticator app; refreshed with the security stamp check.</summary>
    public const string TwoFactorClaim = "lzp:two_factor";

    /// <summary>"true" while the account still has a password set by the beheerder (ADR 0038).</summary>
    public const string MustChangePasswordClaim = "lzp:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var types = Options.ClaimsIdentity;
        // Read by this request's session check in the same round trip as the user row, or else now.
        var facts = signedInUser.TakeClaims(user.Id) ?? await signedInUser.ReadClaimsAsync(user.Id);

        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? user.Id));
        if (!string.IsNullOrEmpty(user.Email))
        {
            identity.AddClaim(new Claim(types.EmailClaimType, user.Email));
        }

        identity.AddClaim(new Claim(types.SecurityStampClaimType, user.SecurityStamp ?? string.Empty));
        foreach (var claim in facts?.UserClaims ?? [])
        {
            identity.AddClaim(new Claim(claim.Type!, claim.Value!));
        }

        foreach (var role in facts?.Roles ?? [])
        {
            identity.AddClaim(new Claim(types.RoleClaimType, role!));
        }

        foreach (var claim in facts?.RoleClaims ?? [])
        {
            identity.AddClaim(new Claim(claim.Type!, claim.Value!));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, facts?.DisplayName ?? user.Email ?? user.Id));
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

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
