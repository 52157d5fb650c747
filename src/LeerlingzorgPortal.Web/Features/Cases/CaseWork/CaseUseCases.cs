using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>
/// The work on an open case: notes, action items, closing and referring out. Only those who may work
/// the case get here (the assigned care worker, the coordinator of the location, level c).
/// </summary>
public sealed class CaseWork(LeerlingzorgPortal.Data.PortalDbContext db, ReferralLoader loader, CurrentStaff currentStaff, StaffLookup staff, Notifier notifier,
    AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> AddNoteAsync(int id, NoteForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        if (form.HasActionItem && !await IsStaffAtAsync(referral, form.ActionOwnerId, cancellationToken))
        {
            return CommandResult.Invalid("Kies een actieve medewerker van deze locatie als eigenaar.", nameof(form.ActionOwnerId));
        }

        return await loader.ChangeAsync(referral, seenVersion: null, () =>
        {
            var now = clock.GetUtcNow();
            var note = referral.AddNote(currentStaff.UserId!,
                new NoteDetails(form.Date!.Value, form.Parties, form.Summary, form.Agreements, form.IsConfidential), now);
            if (form.HasActionItem)
            {
                referral.AddActionItem(currentStaff.UserId!, form.ActionOwnerId!, form.ActionDescription!,
                    form.ActionDueDate!.Value, now, note);
                TellOwner(referral, form.ActionOwnerId!);
            }
        }, audit, cancellationToken);
    }

    public async Task<CommandResult> AddActionItemAsync(int id, ActionItemForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        if (!await IsStaffAtAsync(referral, form.OwnerId, cancellationToken))
        {
            return CommandResult.Invalid("Kies een actieve medewerker van deze locatie als eigenaar.", nameof(form.OwnerId));
        }

        return await loader.ChangeAsync(referral, seenVersion: null, () =>
        {
            referral.AddActionItem(currentStaff.UserId!, form.OwnerId!, form.Description!, form.DueDate!.Value, clock.GetUtcNow());
            TellOwner(referral, form.OwnerId!);
        }, audit, cancellationToken);
    }

    public async Task<CommandResult> CloseAsync(int id, CloseForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        if (referral is null)
        {
            return await loader.MovedOnAsync(id, cancellationToken) ? CommandResult.Conflict(ReferralMessages.Conflict) : CommandResult.NotFound;
        }

        return await loader.ChangeAsync(referral, form.Version, () =>
        {
            referral.Close(currentStaff.UserId!, form.Outcome!.Value, form.Summary!, clock.GetUtcNow());
            notifier.Notify([referral.ReferredById], currentStaff.UserId, "Een zorgtraject van je aanmelding is afgesloten.",
                ReferralMessages.Link(referral.Id));
        }, audit, cancellationToken);
    }

    public async Task<CommandResult> ReferOutAsync(int id, ReferOutForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        if (referral is null)
        {
            return await loader.MovedOnAsync(id, cancellationToken) ? CommandResult.Conflict(ReferralMessages.Conflict) : CommandResult.NotFound;
        }

        return await loader.ChangeAsync(referral, form.Version, () =>
        {
            referral.ReferOut(currentStaff.UserId!, form.Agency!, form.Reason!, clock.GetUtcNow());
            notifier.Notify([referral.ReferredById], currentStaff.UserId, "Een leerling van je aanmelding is doorverwezen.",
                ReferralMessages.Link(referral.Id));
        }, audit, cancellationToken);
    }

    /// <summary>Gives an open case to another care worker; for the coordinator and level c.</summary>
    public async Task<CommandResult> ReassignAsync(int id, Triage.AssignForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        if (referral is null || !ReferralAccess.ReassignsCases(scope))
        {
            return CommandResult.NotFound;
        }

        if ((await staff.CareWorkersForAsync(referral.LocationId, cancellationToken)).TrueForAll(w => w.Id != form.CareWorkerId))
        {
            return CommandResult.Invalid("Kies een actieve medewerker leerlingzorg van deze locatie.", nameof(form.CareWorkerId));
        }

        return await loader.ChangeAsync(referral, form.Version, () =>
        {
            referral.Reassign(form.CareWorkerId!, form.SupportLevel!.Value);
            notifier.Notify([form.CareWorkerId], currentStaff.UserId, "Er is een zorgtraject aan je toegewezen.",
                ReferralMessages.Link(referral.Id));
        }, audit, cancellationToken);
    }

    public async Task<CommandResult> AddExternalReferralAsync(int id, ExternalReferralForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        if (referral is null)
        {
            return CommandResult.NotFound;
        }

        // An agency chosen from the sociale kaart gives its own name and kind.
        var agency = form.OrganisationId is { } organisationId
            ? await db.ExternalOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.IsActive, cancellationToken)
            : null;
        if (form.OrganisationId is not null && agency is null)
        {
            return CommandResult.Invalid("Kies een instantie die op de sociale kaart staat.", nameof(form.OrganisationId));
        }

        return await loader.ChangeAsync(referral, seenVersion: null, () => db.ExternalReferrals.Add(new Domain.Incidents.ExternalReferral(
            referral.Id, referral.PupilId, agency?.Kind ?? form.AgencyKind!.Value, agency?.Name ?? form.AgencyName!, form.SentOn!.Value,
            form.Reason!, form.SharedInformation!, form.ConsentBy!, form.ExpectedFeedbackOn, currentStaff.UserId!, clock.GetUtcNow(),
            agency?.Id)), audit, cancellationToken);
    }

    public async Task<CommandResult> UpdateExternalReferralAsync(int id, ExternalReferralUpdateForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await loader.LoadAsync(id, Operations.Work, cancellationToken: cancellationToken);
        var external = referral is null
            ? null
            : await db.ExternalReferrals.SingleOrDefaultAsync(e => e.Id == form.ExternalReferralId && e.ReferralId == referral.Id, cancellationToken);
        if (referral is null || external is null)
        {
            return CommandResult.NotFound;
        }

        return await loader.ChangeAsync(referral, seenVersion: null, () =>
            external.Update(form.Status!.Value, form.ExpectedFeedbackOn, form.FeedbackReceivedOn, form.Feedback, clock.GetUtcNow()), audit,
            cancellationToken);
    }

    public async Task<CommandResult> FlagForDiscussionAsync(int id, bool flagged, CancellationToken cancellationToken = default)
    {
        var referral = await LoadOpenCaseAsync(id, cancellationToken);
        return referral is null
            ? CommandResult.NotFound
            : await loader.ChangeAsync(referral, seenVersion: null, () => referral.FlagForDiscussion(flagged), audit, cancellationToken);
    }

    private Task<Referral?> LoadOpenCaseAsync(int id, CancellationToken cancellationToken) =>
        loader.LoadAsync(id, Operations.Work, cancellationToken: cancellationToken);

    private async Task<bool> IsStaffAtAsync(Referral referral, string? staffId, CancellationToken cancellationToken) =>
        (await staff.StaffAtAsync(referral.LocationId, cancellationToken)).Exists(s => s.Id == staffId);

    private void TellOwner(Referral referral, string ownerId) =>
        notifier.Notify([ownerId], currentStaff.UserId, "Er staat een nieuw actiepunt voor je klaar.", ReferralMessages.Link(referral.Id));
}
