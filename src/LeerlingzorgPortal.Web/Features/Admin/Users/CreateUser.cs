using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>Creates a sign-in account with its staff member, roles and workplaces in one transaction.</summary>
/// The password is the beheerder's, so the person replaces it at first sign-in; their first authenticator app
/// needs the one-time enrolment code returned here, shown to the beheerder once (ADR 0038).
public sealed class CreateUser(PortalDbContext db, UserManager<PortalUser> users, Workplaces workplaces, AuditLog audit,
    TimeProvider clock)
{
    public async Task<(CommandResult Result, string? Id, string? EnrolmentCode)> HandleAsync(CreateUserForm form,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (locationIds, groups, problem) = await workplaces.ResolveAsync(form, cancellationToken);
        if (problem is not null)
        {
            return (problem, null, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var email = form.Email!.Trim();
        var user = new PortalUser { UserName = email, Email = email };
        user.RequirePasswordChange();
        var enrolmentCode = user.IssueEnrolmentCode(clock.GetUtcNow());
        var created = await users.CreateAsync(user, form.Password!);
        if (!created.Succeeded)
        {
            return (CommandResult.Invalid(created.Errors.Select(e => e.Description)), null, null);
        }

        await users.AddToRolesAsync(user, form.Roles.Distinct().Select(r => r.ToString()));
        try
        {
            var staff = new StaffMember(user.Id, form.DisplayName!, email);
            staff.AssignWorkplaces(locationIds, groups);
            db.StaffMembers.Add(staff);
        }
        catch (DomainRuleException e)
        {
            return (CommandResult.Invalid(e.Message), null, null);
        }

        audit.Add(AuditAction.Create, "StaffMember", user.Id, pupilId: null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CommandResult.Done, user.Id, enrolmentCode);
    }
}

/// <summary>An enrolment code just issued, shown to the beheerder on this one page and never again.</summary>
public sealed record IssuedEnrolmentCode(string Id, string StaffName, string Code, string ValidUntil, string Message);
