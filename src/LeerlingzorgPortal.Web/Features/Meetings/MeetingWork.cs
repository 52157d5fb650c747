using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meetings;

/// <summary>
/// Planning and running meetings, and the consents they depend on. A meeting the user may not
/// manage (or a case they may not read) is "not found".
/// </summary>
public sealed class MeetingWork(PortalDbContext db, CurrentStaff currentStaff, PupilCareStaff pupilCareStaff, CareAccess careAccess, StaffLookup staff,
    Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<(CommandResult Result, int? Id)> PlanAsync(MeetingForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var locationId = form.LocationId!.Value;
        if (!MeetingAccess.MayPlanAt(scope, locationId))
        {
            return (CommandResult.Invalid("Kies een locatie waar je werkt.", nameof(form.LocationId)), null);
        }

        var here = (await staff.StaffAtAsync(locationId, cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var people = form.StaffIds.Append(form.ChairId).Append(form.MinuteTakerId).OfType<string>().Where(id => id.Length > 0).ToList();
        if (!people.TrueForAll(here.Contains))
        {
            return (CommandResult.Invalid("Kies voorzitter, notulist en deelnemers uit de medewerkers van deze locatie."), null);
        }

        try
        {
            var startsAt = new DateTimeOffset(form.Date!.Value.ToDateTime(form.Time!.Value), TimeSpan.Zero);
            var meetings = Meeting.Plan(locationId, form.Type!.Value, startsAt, form.ChairId!,
                string.IsNullOrEmpty(form.MinuteTakerId) ? null : form.MinuteTakerId, form.StaffIds,
                form.Externals.Where(e => !e.IsBlank).Select(e => new ExternalParticipant(e.Name!, e.Kind!.Value, e.Organisation!, e.Role)).ToList(),
                clock.GetUtcNow(), form.Count, form.EveryWeeks);
            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var meeting in meetings)
            {
                audit.Add(AuditAction.Create, nameof(Meeting), Key(meeting.Id), null);
            }

            notifier.Notify(people, currentStaff.UserId, $"Je bent uitgenodigd voor een {Dutch.MeetingType(form.Type.Value)} op {Dutch.Date(form.Date.Value)}.",
                $"/Meetings/Details/{meetings[0].Id}");
            await db.SaveChangesAsync(cancellationToken);
            return (CommandResult.Done, meetings[0].Id);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(e.Message), null);
        }
    }

    public async Task<Meeting?> LoadManagedAsync(int id, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.Include(m => m.Staff).Include(m => m.Externals).Include(m => m.Agenda).Include(m => m.Addenda)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is not null && MeetingAccess.Manages(await currentStaff.GetScopeAsync(cancellationToken), meeting) ? meeting : null;
    }

    public async Task<CommandResult> AddToAgendaAsync(int id, AgendaItemForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var meeting = await LoadManagedAsync(id, cancellationToken);
        if (meeting is null)
        {
            return CommandResult.NotFound;
        }

        var referral = await db.Referrals.Include(r => r.Pupil).SingleOrDefaultAsync(r => r.Id == form.ReferralId, cancellationToken);
        if (referral is null || referral.LocationId != meeting.LocationId || !(await careAccess.PermissionsAsync(referral, cancellationToken)).CanRead
            || !referral.IsCase)
        {
            return CommandResult.Invalid("Kies een zorgtraject van deze locatie.", nameof(form.ReferralId));
        }

        var consents = await db.PupilConsents.Where(c => c.PupilId == referral.PupilId).ToListAsync(cancellationToken);
        var check = MeetingConsent.Check(referral.Pupil!.DateOfBirth, consents, meeting.Type, meeting.PartnerKinds, meeting.Date);
        return await SaveAsync(meeting, referral.PupilId, () => meeting.AddToAgenda(referral.Id, referral.PupilId,
            string.IsNullOrWhiteSpace(form.Question) ? null : form.Question, currentStaff.UserId!, check), cancellationToken);
    }

    public async Task<CommandResult> RemoveFromAgendaAsync(int id, int itemId, CancellationToken cancellationToken = default)
    {
        var meeting = await LoadManagedAsync(id, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(a => a.Id == itemId);
        return meeting is null || item is null
            ? CommandResult.NotFound
            : await SaveAsync(meeting, item.PupilId, () =>
            {
                meeting.RemoveFromAgenda(item);
                audit.Add(AuditAction.Delete, "AgendaItem", Key(itemId), item.PupilId);
            }, cancellationToken);
    }

    public async Task<CommandResult> RecordMinutesAsync(int id, MinutesForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var meeting = await LoadManagedAsync(id, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(a => a.Id == form.ItemId);
        if (meeting is null || item is null)
        {
            return CommandResult.NotFound;
        }

        // Minutes saved by someone else since the writer opened the page are never overwritten unseen: the
        // token the form carries must still be the item's (the entity checks it too). Between this load and the
        // save, the meeting's own version token (touched by every change) makes the database refuse a second writer.
        if (meeting.Status != MeetingStatus.Closed && !string.Equals(form.MinutesToken, item.MinutesToken, StringComparison.Ordinal))
        {
            return CommandResult.Conflict(MinutesConflictMessage);
        }

        var result = await SaveAsync(meeting, item.PupilId, () => _ = meeting.RecordMinutes(item, form.Discussion, form.Decisions, form.MinutesToken),
            cancellationToken);
        return result.Status == CommandStatus.Conflict ? CommandResult.Conflict(MinutesConflictMessage) : result;
    }

    public const string MinutesConflictMessage =
        "Iemand anders heeft de notulen van dit agendapunt intussen opgeslagen. Hun versie staat bij het agendapunt; jouw tekst staat nog in de velden. Neem over wat je wilt houden en sla opnieuw op.";

    /// <summary>An action item decided in the meeting: it lands on the pupil's case and on the owner's home page.</summary>
    public async Task<CommandResult> AddActionItemAsync(int id, MeetingActionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var meeting = await LoadManagedAsync(id, cancellationToken);
        var item = meeting?.Agenda.FirstOrDefault(a => a.Id == form.ItemId);
        if (meeting is null || item is null)
        {
            return CommandResult.NotFound;
        }

        if ((await staff.StaffAtAsync(meeting.LocationId, cancellationToken)).TrueForAll(s => s.Id != form.OwnerId))
        {
            return CommandResult.Invalid("Kies een actieve medewerker van deze locatie als eigenaar.", nameof(form.OwnerId));
        }

        var referral = await db.Referrals.SingleAsync(r => r.Id == item.ReferralId, cancellationToken);
        try
        {
            referral.AddActionItem(currentStaff.UserId!, form.OwnerId!, form.Description!, form.DueDate!.Value, clock.GetUtcNow(),
                fromAgendaItemId: item.Id);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid(e.Message);
        }

        notifier.Notify([form.OwnerId], currentStaff.UserId, $"Er staat een actiepunt uit het {Dutch.MeetingType(meeting.Type)} voor je klaar.",
            ReferralMessages.Link(referral.Id));
        audit.Add(AuditAction.Update, "Referral", Key(referral.Id), referral.PupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    public async Task<CommandResult> CloseAsync(int id, CancellationToken cancellationToken = default)
    {
        var meeting = await LoadManagedAsync(id, cancellationToken);
        return meeting is null ? CommandResult.NotFound : await SaveAsync(meeting, null, () => meeting.Close(clock.GetUtcNow()), cancellationToken);
    }

    public async Task<CommandResult> AddAddendumAsync(int id, AddendumForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var meeting = await LoadManagedAsync(id, cancellationToken);
        return meeting is null
            ? CommandResult.NotFound
            : await SaveAsync(meeting, null, () => meeting.AddAddendum(form.Text!, currentStaff.UserId!, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Care staff and coordinators record consent for pupils they may see.</summary>
    public async Task<CommandResult> RecordConsentAsync(int pupilId, PupilConsentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await MayHandleConsentAsync(pupilId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        try
        {
            db.PupilConsents.Add(new PupilConsent(pupilId, form.GivenOn!.Value, form.GivenBy!, form.GivenByPupil, form.MeetingTypes,
                form.Partners, currentStaff.UserId!, clock.GetUtcNow()));
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        audit.Add(AuditAction.Create, nameof(PupilConsent), Key(pupilId), pupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    public async Task<(CommandResult Result, int? PupilId)> WithdrawConsentAsync(int consentId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var consent = await db.PupilConsents.SingleOrDefaultAsync(c => c.Id == consentId, cancellationToken);
        if (consent is null || !await MayHandleConsentAsync(consent.PupilId, cancellationToken))
        {
            return (CommandResult.NotFound, null);
        }

        try
        {
            consent.Withdraw(on, clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return (CommandResult.Invalid(e.Message), consent.PupilId);
        }

        audit.Add(AuditAction.Update, nameof(PupilConsent), Key(consent.Id), consent.PupilId);
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Done, consent.PupilId);
    }

    public Task<bool> MayHandleConsentAsync(int pupilId, CancellationToken cancellationToken = default) =>
        pupilCareStaff.MayHandleAsync(pupilId, cancellationToken);

    private async Task<CommandResult> SaveAsync(Meeting meeting, int? pupilId, Action change, CancellationToken cancellationToken)
    {
        return await db.SaveCommandAsync(async () =>
            {
                change();
                audit.Add(AuditAction.Update, nameof(Meeting), Key(meeting.Id), pupilId);
                await db.SaveChangesAsync(cancellationToken);
            },
            "Iemand anders heeft dit overleg intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.");
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
