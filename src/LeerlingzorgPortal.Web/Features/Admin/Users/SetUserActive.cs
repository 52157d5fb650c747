using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>
/// Deactivates or reactivates an account. Deactivating locks sign-in and renews the security stamp,
/// which ends the person's open sessions on their next request.
/// </summary>
public sealed class SetUserActive(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit,
    CurrentStaff currentStaff, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(string id, bool active, CancellationToken cancellationToken = default)
    {
        var staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var user = staff is null ? null : await users.FindByIdAsync(staff.Id);
        if (staff is null || user is null)
        {
            return CommandResult.NotFound;
        }

        if (!active && staff.Id == currentStaff.UserId)
        {
            return CommandResult.Invalid("Je kunt je eigen account niet deactiveren.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (active)
            {
                staff.Reactivate();
            }
            else
            {
                staff.Deactivate(clock.GetUtcNow());
            }
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        audit.Add(active ? AuditAction.Reactivate : AuditAction.Deactivate, "StaffMember", staff.Id, pupilId: null);
        await db.SaveChangesAsync(cancellationToken);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
        if (active)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }
}
