using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Incidents;

/// <summary>Reporting incidents, correcting one pupil's role, and follow-up action items.</summary>
public sealed class IncidentWork(PortalDbContext db, CurrentStaff currentStaff, CareAccess careAccess, StaffLookup staff, Notifier notifier,
    AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<FilterOption>> CustomCategoriesAsync(CancellationToken cancellationToken = default) =>
        await db.CustomIncidentCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new FilterOption(c.Id, c.Name)).ToListAsync(cancellationToken);

    /// <summary>Whether the signed-in person may report incidents at all (IncidentAccess.MayReport).</summary>
    public async Task<bool> MayReportAsync(CancellationToken cancellationToken = default) =>
        IncidentAccess.MayReport(await currentStaff.GetScopeAsync(cancellationToken));

    /// <summary>
    /// The pupils matching a search term that the person may name in a report (IncidentAccess.NameableBy),
    /// capped; no term, no roster. Pupils already chosen are left out.
    /// </summary>
    public async Task<PupilSearchResult> SearchPupilsAsync(string? search, IReadOnlyCollection<int> chosen,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var text = (search ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return PupilSearchResult.None;
        }

        if (text.Length < PupilSearchResult.MinimumLength)
        {
            return new PupilSearchResult([], false, "Typ minstens 2 letters of cijfers van de naam of het leerlingnummer.");
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var query = db.Pupils.AsNoTracking().Where(IncidentAccess.NameableBy(scope)).Where(p => !chosen.Contains(p.Id));
        foreach (var term in Pupil.SearchTermOf(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            query = query.Where(p => p.SearchText.Contains(term));
        }

        var rows = await query.OrderBy(p => p.Name.LastName).ThenBy(p => p.Name.FirstName).ThenBy(p => p.Id)
            .Take(PupilSearchResult.Cap + 1)
            .Select(p => new { p.Id, p.Name.FirstName, p.Name.Prefix, p.Name.LastName, p.Number, Group = p.MentorGroup != null ? p.MentorGroup.Name : null })
            .ToListAsync(cancellationToken);
        var options = rows.Take(PupilSearchResult.Cap).Select(p => new FilterOption(p.Id, Label(p.FirstName, p.Prefix, p.LastName, p.Number, p.Group)))
            .ToList();
        var hint = rows.Count == 0
            ? "Geen leerling gevonden die je in een melding mag noemen. Zoek op voornaam, achternaam of leerlingnummer."
            : rows.Count > PupilSearchResult.Cap
                ? $"Meer dan {PupilSearchResult.Cap} leerlingen gevonden; alleen de eerste {PupilSearchResult.Cap} staan hier. Typ meer van de naam of het leerlingnummer."
                : null;
        return new PupilSearchResult(options, rows.Count > PupilSearchResult.Cap, hint);
    }

    /// <summary>The labels of chosen pupils, only for those the person may name; other ids get no label.</summary>
    public async Task<IReadOnlyDictionary<int, string>> NameablePupilsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var rows = await db.Pupils.AsNoTracking().Where(IncidentAccess.NameableBy(scope)).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name.FirstName, p.Name.Prefix, p.Name.LastName, p.Number, Group = p.MentorGroup != null ? p.MentorGroup.Name : null })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(p => p.Id, p => Label(p.FirstName, p.Prefix, p.LastName, p.Number, p.Group));
    }

    private static string Label(string firstName, string? prefix, string lastName, string number, string? group) =>
        group is null
            ? $"{ReferralListQuery.FullName(firstName, prefix, lastName)} ({number})"
            : $"{ReferralListQuery.FullName(firstName, prefix, lastName)} ({number}, {group})";

    public async Task<(CommandResult Result, int? Id)> ReportAsync(IncidentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var ids = form.Involved.Select(p => p.PupilId).ToList();
        if (!IncidentAccess.MayReport(scope))
        {
            return (CommandResult.NotFound, null);
        }

        // Only pupils the reporter may name (IncidentAccess.NameableBy), all of one location.
        var pupils = await db.Pupils.AsNoTracking().Where(IncidentAccess.NameableBy(scope)).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.LocationId }).ToListAsync(cancellationToken);
        if (pupils.Count != ids.Distinct().Count())
        {
            return (CommandResult.Invalid("Kies leerlingen die je in een melding mag noemen; zoek ze op naam of leerlingnummer.", nameof(form.Pupils)),
                null);
        }

        if (pupils.Select(p => p.LocationId).Distinct().Count() > 1)
        {
            return (CommandResult.Invalid("Een incident hoort bij één locatie: kies leerlingen van dezelfde locatie.", nameof(form.Pupils)), null);
        }

        if (form.CustomCategoryId is int customId && !await db.CustomIncidentCategories.AnyAsync(c => c.Id == customId && c.IsActive, cancellationToken))
        {
            return (CommandResult.Invalid("Kies een eigen categorie die in gebruik is.", nameof(form.CustomCategoryId)), null);
        }

        try
        {
            var incident = Incident.Report(pupils[0].LocationId,
                new IncidentDetails(new DateTimeOffset(form.Date!.Value.ToDateTime(form.Time!.Value), TimeSpan.Zero), form.Place!,
                    form.Category ?? IncidentCategory.Other, form.Severity!.Value, form.Description!, form.MeasuresTaken, form.ParentsInformed,
                    form.FollowUpNeeded, form.CustomCategoryId),
                form.Involved, currentStaff.UserId!, clock.GetUtcNow());
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var pupilId in ids)
            {
                audit.Add(AuditAction.Create, nameof(Incident), Key(incident.Id), pupilId);
            }

            var coordinators = await staff.CoordinatorIdsAtAsync(incident.LocationId, cancellationToken);
            notifier.Notify(coordinators, currentStaff.UserId, "Er is een incident gemeld.", $"/Incidents/Details/{incident.Id}");
            await db.SaveChangesAsync(cancellationToken);
            return (CommandResult.Done, incident.Id);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(e.Message), null);
        }
    }

    public async Task<(Incident? Incident, bool Manages)> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var mine = await PupilsOfMyGroupsAsync(cancellationToken);
        var incident = await db.Incidents.Include(i => i.Involved).Where(IncidentAccess.ReadableBy(scope, mine))
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var manages = incident is not null && IncidentAccess.Manages(scope, incident);
        return (incident, manages);
    }

    public async Task<IReadOnlyList<int>> PupilsOfMyGroupsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var groups = scope.MentorGroupIds.ToList();
        return groups.Count == 0
            ? []
            : await db.Pupils.Where(p => p.MentorGroupId != null && groups.Contains(p.MentorGroupId.Value)).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Changes the role of one involved pupil; the others keep theirs.</summary>
    public async Task<CommandResult> ChangeRoleAsync(int id, int pupilId, IncidentRole role, CancellationToken cancellationToken = default)
    {
        var (incident, manages) = await LoadAsync(id, cancellationToken);
        if (incident is null || !manages)
        {
            return CommandResult.NotFound;
        }

        try
        {
            incident.ChangeRole(pupilId, role);
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        audit.Add(AuditAction.Update, nameof(Incident), Key(incident.Id), pupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>A follow-up action item lands on the case of one of the involved pupils.</summary>
    public async Task<CommandResult> FollowUpAsync(int id, FollowUpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (incident, manages) = await LoadAsync(id, cancellationToken);
        if (incident is null || !manages)
        {
            return CommandResult.NotFound;
        }

        var referral = await db.Referrals.Include(r => r.Pupil).SingleOrDefaultAsync(r => r.Id == form.ReferralId, cancellationToken);
        if (referral is null || incident.RoleOf(referral.PupilId) is null || !(await careAccess.PermissionsAsync(referral, cancellationToken)).CanRead
            || !referral.IsOpenCase)
        {
            return CommandResult.Invalid("Kies een lopend zorgtraject van een betrokken leerling.", nameof(form.ReferralId));
        }

        if ((await staff.StaffAtAsync(referral.LocationId, cancellationToken)).TrueForAll(s => s.Id != form.OwnerId))
        {
            return CommandResult.Invalid("Kies een actieve medewerker van deze locatie als eigenaar.", nameof(form.OwnerId));
        }

        referral.AddActionItem(currentStaff.UserId!, form.OwnerId!, form.Description!, form.DueDate!.Value, clock.GetUtcNow());
        notifier.Notify([form.OwnerId], currentStaff.UserId, "Er staat een actiepunt na een incident voor je klaar.", ReferralMessages.Link(referral.Id));
        audit.Add(AuditAction.Update, "Referral", Key(referral.Id), referral.PupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
