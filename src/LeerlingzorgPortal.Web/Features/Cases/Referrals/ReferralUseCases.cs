using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.Referrals;

/// <summary>Creates a draft referral, and submits it straight away when asked.</summary>
public sealed class CreateReferral(PortalDbContext db, CurrentStaff currentStaff, AuditLog audit, TimeProvider clock,
    SubmitReferral submit)
{
    public async Task<(CommandResult Result, int? Id)> HandleAsync(ReferralForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);

        // The same form posted twice (a double click, a browser retry) finds the draft it made.
        var existing = await db.Referrals.Where(r => r.RequestId == form.RequestId && r.ReferredById == scope.StaffMemberId)
            .Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return (CommandResult.Done, existing);
        }

        var pupil = await db.Pupils.SingleOrDefaultAsync(p => p.Id == form.PupilId, cancellationToken);
        if (pupil is null || !PupilAccess.CanRead(scope, pupil))
        {
            return (CommandResult.Invalid("Kies een leerling uit je eigen mentorgroepen of locaties.", nameof(form.PupilId)), null);
        }

        Referral referral;
        try
        {
            referral = Referral.Draft(pupil, scope.StaffMemberId, form.RequestId, form.ToDetails(), clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return (CommandResult.Invalid(e.Message), null);
        }

        // The draft, its audit line and the submission (status, transition, notifications) commit together:
        // a process killed half-way leaves nothing, never a draft without its audit line (kill -9 during writes, docs/operations.md).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Create, nameof(Referral), Id(referral), referral.PupilId, cancellationToken);
        var result = form.WantsSubmit ? await submit.SubmitLoadedAsync(referral, cancellationToken) : CommandResult.Done;
        await transaction.CommitAsync(cancellationToken);
        return (result.Succeeded ? CommandResult.Done : result, referral.Id);
    }

    internal static string Id(Referral referral) => referral.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Changes a draft (only its referrer), and submits it when asked.</summary>
public sealed class EditReferral(ReferralLoader loader, AuditLog audit, TimeProvider clock,
    SubmitReferral submit)
{
    public async Task<CommandResult> HandleAsync(int id, ReferralForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await loader.LoadAsync(id, Operations.Edit, cancellationToken: cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        var edited = await loader.ChangeAsync(referral, form.Version, () => referral.Edit(form.ToDetails(), clock.GetUtcNow()),
            audit, cancellationToken);
        return edited.Succeeded && form.WantsSubmit ? await submit.SubmitLoadedAsync(referral, cancellationToken) : edited;
    }
}

/// <summary>Submits a draft and tells the coordinators of the pupil's location.</summary>
public sealed class SubmitReferral(ReferralLoader loader, CurrentStaff currentStaff, AuditLog audit,
    Notifier notifier, StaffLookup staff, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        var referral = await loader.LoadAsync(id, Operations.Edit, cancellationToken: cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        loader.ExpectVersion(referral, version);
        return await SubmitLoadedAsync(referral, cancellationToken);
    }

    internal async Task<CommandResult> SubmitLoadedAsync(Referral referral, CancellationToken cancellationToken)
    {
        var coordinators = await staff.CoordinatorIdsAtAsync(referral.LocationId, cancellationToken);
        return await loader.ChangeAsync(referral, seenVersion: null, () =>
        {
            referral.Submit(currentStaff.UserId!, clock.GetUtcNow());
            notifier.Notify(coordinators, currentStaff.UserId,
                $"Nieuwe aanmelding ({Dutch.Category(referral.Category).ToLowerInvariant()}, urgentie {Dutch.Urgency(referral.Urgency).ToLowerInvariant()}) wacht op triage.",
                ReferralMessages.Link(referral.Id));
        }, audit, cancellationToken);
    }
}
