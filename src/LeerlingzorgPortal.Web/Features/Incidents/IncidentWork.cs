using System.Globalization;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Referrals;
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

    /// <summary>The pupils a staff member can name in a report: those at the locations they work at.</summary>
    public async Task<IReadOnlyList<FilterOption>> ReportablePupilsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var locations = scope.LocationIds.ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => locations.Contains(p.LocationId))
            .OrderBy(p => p.Name.LastName).ThenBy(p => p.Name.FirstName)
            .Select(p => new { p.Id, p.Name.FirstName, p.Name.Prefix, p.Name.LastName, p.Number })
            .ToListAsync(cancellationToken);
        return pupils.Select(p => new FilterOption(p.Id, $"{ReferralListQuery.FullName(p.FirstName, p.Prefix, p.LastName)} ({p.Number})")).ToList();
    }

    public async Task<(CommandResult Result, int? Id)> ReportAsync(IncidentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var ids = form.Involved.Select(p => p.PupilId).ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.LocationId }).ToListAsync(cancellationToken);
        if (pupils.Count != ids.Distinct().Count() || pupils.Exists(p => !scope.LocationIds.Contains(p.LocationId)))
        {
            return (CommandResult.Invalid("Kies leerlingen van je eigen locatie.", nameof(form.Pupils)), null);
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
        var manages = incident is not null
                      && (incident.ReportedById == scope.StaffMemberId || scope.WorksAcrossBoard
                          || (scope.WorksWithPupilsOfOwnLocations && scope.LocationIds.Contains(incident.LocationId)));
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
