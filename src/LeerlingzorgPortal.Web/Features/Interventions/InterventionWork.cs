using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.Enrolments;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Interventions;

/// <summary>
/// Keeping the catalogue (for those the controller lets in: coordinators, care workers b and c) and
/// the enrolments. An enrolment is made on a case the user may work; the waiting list, admitting and
/// ending are for care staff who may work with that pupil. Anything else answers NotFound.
/// </summary>
public sealed class InterventionWork(PortalDbContext db, ReferralLoader loader, PupilCareStaff careStaff, CurrentStaff currentStaff,
    AuditLog audit, TimeProvider clock)
{
    public const string ConflictMessage =
        "Iemand anders heeft deze interventie intussen gewijzigd (bijvoorbeeld een plaats vergeven). Bekijk de actuele stand en probeer het opnieuw.";

    public const string DuplicateNameMessage = "Er bestaat al een interventie met deze naam.";

    public async Task<(CommandResult Result, int? Id)> CreateAsync(InterventionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await NameTakenAsync(form.Name!, null, cancellationToken))
        {
            return (CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name)), null);
        }

        try
        {
            var intervention = new Intervention(form.ToDetails());
            db.Interventions.Add(intervention);
            await audit.SaveCreatedAsync(nameof(Intervention), () => Key(intervention.Id), null, cancellationToken);
            return (CommandResult.Done, intervention.Id);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(e.Message), null);
        }
        catch (DbUpdateException)
        {
            // Saved under the same name by a colleague in the same instant: the unique index refused ours.
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name)), null);
        }
    }

    public async Task<CommandResult> UpdateAsync(int id, InterventionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var intervention = await LoadAsync(id, cancellationToken);
        if (intervention is null)
        {
            return CommandResult.NotFound;
        }

        if (await NameTakenAsync(form.Name!, id, cancellationToken))
        {
            return CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name));
        }

        try
        {
            return await ChangeAsync(intervention, form.Version, () => intervention.Update(form.ToDetails()), nameof(form.Capacity),
                cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Renamed to a name a colleague saved in the same instant: the unique index refused it.
            db.ChangeTracker.Clear();
            return CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name));
        }
    }

    public async Task<CommandResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        var intervention = await LoadAsync(id, cancellationToken);
        return intervention is null
            ? CommandResult.NotFound
            : await ChangeAsync(intervention, null, () => intervention.SetActive(active), string.Empty, cancellationToken);
    }

    /// <summary>
    /// Enrols the pupil of a case, or puts them on the waiting list. A full intervention refuses the
    /// enrolment under <see cref="EnrolForm.FullField"/>, so the case page offers the waiting list.
    /// </summary>
    public async Task<CommandResult> EnrolAsync(int referralId, EnrolForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await loader.LoadAsync(referralId, Operations.Work, cancellationToken: cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        var intervention = await LoadAsync(form.InterventionId!.Value, cancellationToken);
        if (intervention is null || !intervention.IsActive)
        {
            return CommandResult.Invalid("Kies een interventie die in gebruik is.", nameof(form.InterventionId));
        }

        if (!form.WaitingList && intervention.IsFull)
        {
            return CommandResult.Invalid(intervention.FullMessage, EnrolForm.FullField);
        }

        var now = clock.GetUtcNow();
        return await ChangeAsync(intervention, null, () =>
        {
            _ = form.WaitingList
                ? intervention.PutOnWaitingList(referral.PupilId, referral.Id, currentStaff.UserId!, now)
                : intervention.Enrol(referral.PupilId, referral.Id, form.StartOn!.Value, currentStaff.UserId!, now);
            audit.Add(AuditAction.Update, nameof(Domain.Care.Referral), Key(referral.Id), referral.PupilId);
        }, string.Empty, cancellationToken);
    }

    public Task<CommandResult> AdmitAsync(int id, AdmitForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return OnEnrolmentAsync(id, form.EnrolmentId, form.Version, (i, e) => i.Admit(e.Id, form.StartOn!.Value, clock.GetUtcNow()), cancellationToken);
    }

    public Task<CommandResult> FinishAsync(int id, FinishForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return OnEnrolmentAsync(id, form.EnrolmentId, form.Version, (i, e) => i.Finish(e.Id, form.EndOn!.Value, form.Outcome!.Trim()),
            cancellationToken);
    }

    public Task<CommandResult> WithdrawAsync(int id, WithdrawForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return OnEnrolmentAsync(id, form.EnrolmentId, form.Version, (i, e) => i.Withdraw(e.Id, form.EndOn!.Value, form.Reason),
            cancellationToken);
    }

    private async Task<CommandResult> OnEnrolmentAsync(int id, int enrolmentId, Guid? seenVersion, Action<Intervention, Enrolment> change,
        CancellationToken cancellationToken)
    {
        var intervention = await LoadAsync(id, cancellationToken);
        var enrolment = intervention?.Enrolments.SingleOrDefault(e => e.Id == enrolmentId);
        if (intervention is null || enrolment is null || !await careStaff.MayHandleAsync(enrolment.PupilId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        return await ChangeAsync(intervention, seenVersion, () =>
        {
            change(intervention, enrolment);
            audit.Add(AuditAction.Update, nameof(Enrolment), Key(enrolment.Id), enrolment.PupilId);
        }, string.Empty, cancellationToken);
    }

    private Task<Intervention?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Interventions.Include(i => i.Enrolments).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>Saves a change; with a version, only if nobody changed the intervention since the user saw it.</summary>
    private async Task<CommandResult> ChangeAsync(Intervention intervention, Guid? seenVersion, Action change, string ruleField,
        CancellationToken cancellationToken)
    {
        return await db.SaveCommandAsync(async () =>
            {
                if (seenVersion is { } seen)
                {
                    db.Entry(intervention).Property(i => i.Version).OriginalValue = seen;
                }

                change();
                audit.Add(AuditAction.Update, nameof(Intervention), Key(intervention.Id), null);

                await db.SaveChangesAsync(cancellationToken);
            },
            ConflictMessage, ruleField);
    }

    private async Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var names = await db.Interventions.Where(i => exceptId == null || i.Id != exceptId).Select(i => i.Name).ToListAsync(cancellationToken);
        return names.Exists(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
