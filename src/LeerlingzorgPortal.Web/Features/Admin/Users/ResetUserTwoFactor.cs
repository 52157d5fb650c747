using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>
/// Removes someone's authenticator app (a lost or new phone): two factors off, a new key, and their open
/// sessions end. Where two factors are required, their next sign-in leads straight to setting up again.
/// </summary>
public sealed class ResetUserTwoFactor(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit)
{
    public async Task<CommandResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || await db.StaffMembers.FindAsync([id], cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditAction.TwoFactorReset, "StaffMember", user.Id, pupilId: null, cancellationToken);
        return CommandResult.Done;
    }
}
