using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>
/// Changes a staff member's name, roles and workplaces. The version the admin saw is checked, so a
/// second admin's change in between is reported instead of silently overwritten.
/// </summary>
public sealed class UpdateUser(PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signInManager,
    Workplaces workplaces, AuditLog audit, CurrentStaff currentStaff)
{
    public const string ConflictMessage =
        "Iemand anders heeft deze medewerker intussen gewijzigd. Hieronder staat wat nu is opgeslagen; je eigen invoer staat in het formulier. Sla opnieuw op om die toch te bewaren.";

    public async Task<CommandResult> HandleAsync(EditUserForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var staff = await db.StaffMembers.Include(s => s.Locations).Include(s => s.MentorGroups)
            .SingleOrDefaultAsync(s => s.Id == form.Id, cancellationToken);
        var user = staff is null ? null : await users.FindByIdAsync(staff.Id);
        if (staff is null || user is null)
        {
            return CommandResult.NotFound;
        }

        if (staff.Id == currentStaff.UserId && !form.Roles.Contains(StaffRole.Admin))
        {
            return CommandResult.Invalid("Je kunt je eigen beheerdersrol niet intrekken.", nameof(form.Roles));
        }

        var (locationIds, groups, problem) = await workplaces.ResolveAsync(form, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await db.SaveCommandAsync(async () =>
            {
                // Check against the version the admin saw, not the one just loaded.
                db.Entry(staff).Property(s => s.Version).OriginalValue = form.Version;
                staff.Rename(form.DisplayName!);
                staff.AssignWorkplaces(locationIds, groups);
                audit.Add(AuditAction.Update, "StaffMember", staff.Id, pupilId: null);
                await db.SaveChangesAsync(cancellationToken);
            },
            ConflictMessage);
        if (!saved.Succeeded)
        {
            return saved;
        }

        var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var wanted = form.Roles.Distinct().Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        if (!current.SetEquals(wanted))
        {
            // New roles mean a new sign-in: the person's open sessions end (the admin's own is renewed).
            await users.UpdateSecurityStampAsync(user);
            if (staff.Id == currentStaff.UserId)
            {
                await signInManager.RefreshSignInAsync(user);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }
}
