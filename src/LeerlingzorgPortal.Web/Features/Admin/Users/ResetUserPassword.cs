using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>
/// Sets a new password chosen by the admin; the person's open sessions end and they choose their own
/// password at the next sign-in. An account without an authenticator app also gets a new enrolment code
/// (returned, to be shown once), since the old one may have expired (ADR 0038).
/// </summary>
public sealed class ResetUserPassword(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit, TimeProvider clock)
{
    /// <summary>The enrolment code issued by the last successful <see cref="HandleAsync"/>, if any.</summary>
    public string? EnrolmentCode { get; private set; }

    public async Task<CommandResult> HandleAsync(ResetPasswordForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.FindByIdAsync(form.Id);
        if (user is null || await db.StaffMembers.FindAsync([form.Id], cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        user.RequirePasswordChange();
        var enrolmentCode = user.TwoFactorEnabled ? null : user.IssueEnrolmentCode(clock.GetUtcNow());
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            return CommandResult.Invalid(result.Errors.Select(e => e.Description));
        }

        EnrolmentCode = enrolmentCode;
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditAction.PasswordReset, "StaffMember", user.Id, pupilId: null, cancellationToken);
        return CommandResult.Done;
    }
}
