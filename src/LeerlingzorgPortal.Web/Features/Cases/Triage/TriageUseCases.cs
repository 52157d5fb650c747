using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;

namespace LeerlingzorgPortal.Web.Features.Cases.Triage;

/// <summary>
/// Assigns a care worker and a support level to a submitted referral. Two coordinators at once: the
/// second gets a conflict, nothing is overwritten.
/// </summary>
public sealed class AssignReferral(ReferralLoader loader, CurrentStaff currentStaff, StaffLookup staff,
    Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int id, AssignForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await loader.LoadAsync(id, Operations.Triage, cancellationToken: cancellationToken);
        if (referral is null)
        {
            return await loader.MovedOnAsync(id, cancellationToken)
                ? CommandResult.Conflict(ReferralMessages.Conflict)
                : CommandResult.NotFound;
        }

        var workers = await staff.CareWorkersForAsync(referral.LocationId, cancellationToken);
        if (workers.TrueForAll(w => w.Id != form.CareWorkerId))
        {
            return CommandResult.Invalid("Kies een actieve medewerker leerlingzorg van deze locatie.", nameof(form.CareWorkerId));
        }

        return await loader.ChangeAsync(referral, form.Version, () =>
        {
            referral.Triage(currentStaff.UserId!, form.CareWorkerId!, form.SupportLevel!.Value, clock.GetUtcNow());
            notifier.Notify([form.CareWorkerId], currentStaff.UserId, "Er is een zorgtraject aan je toegewezen.",
                ReferralMessages.Link(referral.Id));
            notifier.Notify([referral.ReferredById], currentStaff.UserId,
                "Je aanmelding is in behandeling genomen; er is een medewerker leerlingzorg toegewezen.",
                ReferralMessages.Link(referral.Id));
        }, audit, cancellationToken);
    }
}

/// <summary>Sends a submitted referral back to the mentor with advice.</summary>
public sealed class ReturnReferral(ReferralLoader loader, CurrentStaff currentStaff, Notifier notifier, AuditLog audit,
    TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int id, ReturnForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var referral = await loader.LoadAsync(id, Operations.Triage, cancellationToken: cancellationToken);
        if (referral is null)
        {
            return await loader.MovedOnAsync(id, cancellationToken)
                ? CommandResult.Conflict(ReferralMessages.Conflict)
                : CommandResult.NotFound;
        }

        return await loader.ChangeAsync(referral, form.Version, () =>
        {
            referral.ReturnToMentor(currentStaff.UserId!, form.Advice!, clock.GetUtcNow());
            notifier.Notify([referral.ReferredById], currentStaff.UserId,
                "Je aanmelding is teruggestuurd met advies van de zorgcoördinator.", ReferralMessages.Link(referral.Id));
        }, audit, cancellationToken);
    }
}
