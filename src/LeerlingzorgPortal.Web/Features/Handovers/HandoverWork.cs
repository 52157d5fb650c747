using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Handovers;

/// <summary>
/// The warm handover of an incoming pupil. Care staff and coordinators who may read the pupil record it;
/// "needs care" puts a referral from the handover in the coordinator's intake queue.
/// </summary>
public sealed class HandoverWork(PortalDbContext db, CurrentStaff currentStaff, PupilCareStaff pupilCareStaff, AuditLog audit, Notifier notifier, StaffLookup staff,
    TimeProvider clock)
{
    public Task<bool> MayHandleAsync(int pupilId, CancellationToken cancellationToken = default) =>
        pupilCareStaff.MayHandleAsync(pupilId, cancellationToken);

    public Task<Handover?> ForPupilAsync(int pupilId, CancellationToken cancellationToken = default) =>
        db.Handovers.AsNoTracking().SingleOrDefaultAsync(h => h.PupilId == pupilId, cancellationToken);

    public async Task<CommandResult> RecordAsync(int pupilId, HandoverForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pupil = await db.Pupils.SingleOrDefaultAsync(p => p.Id == pupilId, cancellationToken);
        if (pupil is null || !await pupilCareStaff.MayHandleAsync(pupil, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        if (await db.Handovers.AnyAsync(h => h.PupilId == pupilId, cancellationToken))
        {
            return CommandResult.Invalid("Voor deze leerling is de warme overdracht al vastgelegd.");
        }

        Handover handover;
        Referral? referral;
        try
        {
            (handover, referral) = Handover.Record(pupil, form.ToDetails(), currentStaff.UserId!, clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Handovers.Add(handover);
        if (referral is not null)
        {
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(cancellationToken);
            handover.LinkReferral(referral.Id);
            notifier.Notify(await staff.CoordinatorIdsAtAsync(referral.LocationId, cancellationToken), currentStaff.UserId,
                "Nieuwe aanmelding uit de warme overdracht wacht op triage.", ReferralMessages.Link(referral.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditAction.Create, nameof(Handover), handover.Id.ToString(CultureInfo.InvariantCulture), pupilId);
        if (referral is not null)
        {
            audit.Add(AuditAction.Create, nameof(Referral), referral.Id.ToString(CultureInfo.InvariantCulture), pupilId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }
}
