using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Identity's sign-in manager, plus one step it keeps to itself: signing in (or starting the code step)
/// after the caller has checked the password. The sign-in page checks the password first, for known and
/// unknown addresses alike, and tells a lock only to someone who knew the password (ADR 0038).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>
    /// For an account whose password was just checked: LockedOut or NotAllowed when it may not sign in,
    /// else signed in or waiting for the authenticator code, as <see cref="SignInManager{TUser}.PasswordSignInAsync(TUser, string, bool, bool)"/>.
    /// </summary>
    public async Task<SignInResult> SignInWithCheckedPasswordAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refused = await PreSignInCheck(user);
        if (refused is not null)
        {
            return refused;
        }

        // As Identity does: with two factors on, the failed-code count stays until a code succeeds.
        if (!user.TwoFactorEnabled)
        {
            await ResetLockout(user);
        }

        return await SignInOrTwoFactorAsync(user, isPersistent: false);
    }
}
