using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>
/// Removes someone's authenticator app (a lost or new phone): two factors off, a new key, and their open
/// sessions end. Where two factors are required, their next sign-in leads straight to setting up again,
/// which needs the new one-time enrolment code issued here and shown to the beheerder once (ADR 0038).
/// </summary>
public sealed class ResetUserTwoFactor(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit, TimeProvider clock)
{
    /// <summary>The enrolment code issued by the last successful <see cref="HandleAsync"/>.</summary>
    public string? EnrolmentCode { get; private set; }

    public async Task<CommandResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || await db.StaffMembers.FindAsync([id], cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        EnrolmentCode = user.IssueEnrolmentCode(clock.GetUtcNow());
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditAction.TwoFactorReset, "StaffMember", user.Id, pupilId: null, cancellationToken);
        return CommandResult.Done;
    }
}
