using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Incidents;

public sealed record InvolvedLine(int PupilId, string Name, IncidentRole Role);

/// <summary>
/// An incident as one user may see it: the involved pupils they may see (or named themselves) with
/// each one's own role; the others only counted.
/// </summary>
public sealed record IncidentPage(
    Incident Incident,
    string CategoryName,
    string ReportedBy,
    string Location,
    bool Manages,
    IReadOnlyList<InvolvedLine> Visible,
    int OthersInvolved,
    IReadOnlyList<FilterOption> OpenCases,
    IReadOnlyList<StaffOption> StaffAtLocation);

public sealed record IncidentRow(int Id, DateTimeOffset OccurredAt, IncidentCategory Category, IncidentSeverity Severity, string Place, int Pupils);

public sealed class IncidentQueries(PortalDbContext db, CurrentStaff currentStaff, CareAccess careAccess, StaffLookup staff, IncidentWork work)
{
    public const int PageSize = 25;

    public async Task<PagedList<IncidentRow>> ListAsync(IncidentCategory? category, int? page, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var query = db.Incidents.AsNoTracking().Where(IncidentAccess.ReadableBy(scope, await work.PupilsOfMyGroupsAsync(cancellationToken)));
        if (category is { } wanted)
        {
            query = query.Where(i => i.Category == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var rows = await query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(i => new IncidentRow(i.Id, i.OccurredAt, i.Category, i.Severity, i.Place, i.Involved.Count))
            .ToListAsync(cancellationToken);
        return new PagedList<IncidentRow>(rows, current, PageSize, total);
    }

    /// <summary>
    /// The incident page in a fixed number of SQL commands whatever the number of pupils involved: the
    /// incident (authorised as loaded); one UNION ALL of the pupils involved that the user may see (the
    /// reporter sees all they named; others by the pupil rule, in the database) and the names the page
    /// shows; and for those who manage it one UNION ALL of the open cases and the staff to choose from.
    /// </summary>
    public async Task<IncidentPage?> PageAsync(int id, CancellationToken cancellationToken = default)
    {
        var (incident, manages) = await work.LoadAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var ids = incident.Involved.Select(p => p.PupilId).ToList();
        var reporter = incident.ReportedById == scope.StaffMemberId;
        var seen = reporter ? (_ => true) : PupilAccess.ReadableBy(scope);
        // Pupils first: they fill every non-text column with a real value (ADR 0030).
        var rows = await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id)).Where(seen)
            .Select(p => new IncidentPageRow { IsPupil = true, Id = p.Id, Text1 = p.Name.FirstName, Text2 = p.Name.Prefix, Text3 = p.Name.LastName })
            .Concat(db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new IncidentPageRow
            {
                IsPupil = false,
                Id = i.Id,
                Text1 = db.StaffMembers.Where(s => s.Id == i.ReportedById).Select(s => s.DisplayName).FirstOrDefault(),
                Text2 = db.Locations.Where(l => l.Id == i.LocationId).Select(l => l.Name).FirstOrDefault(),
                Text3 = db.CustomIncidentCategories.Where(c => c.Id == i.CustomCategoryId).Select(c => c.Name).FirstOrDefault(),
            }))
            .ToListAsync(cancellationToken);
        var visible = rows.Where(r => r.IsPupil)
            .Select(p => new InvolvedLine(p.Id, ReferralListQuery.FullName(p.Text1!, p.Text2, p.Text3!), incident.RoleOf(p.Id)!.Value))
            .OrderBy(l => l.Role).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var names = rows.Single(r => !r.IsPupil);
        var (openCases, staffHere) = manages
            ? await ChoicesAsync(incident, ids, cancellationToken)
            : ([], []);
        var categoryName = incident.CustomCategoryId is not null
            ? names.Text3 ?? throw new InvalidOperationException("The incident's own category is missing.")
            : Dutch.IncidentCategory(incident.Category);
        return new IncidentPage(incident, categoryName, names.Text1 ?? "–",
            names.Text2 ?? throw new InvalidOperationException("The incident's location is missing."), manages, visible,
            ids.Count - visible.Count, openCases, staffHere);
    }

    /// <summary>The open cases of the pupils involved that the user reads, and the staff at the location, in one UNION ALL.</summary>
    private async Task<(List<FilterOption> OpenCases, List<StaffOption> StaffHere)> ChoicesAsync(Incident incident, List<int> ids,
        CancellationToken cancellationToken)
    {
        var readable = await careAccess.ReadableAsync(cancellationToken);
        var cases = db.Referrals.AsNoTracking().Where(readable)
            .Where(r => ids.Contains(r.PupilId) && (r.Status == Domain.Care.ReferralStatus.Triaged || r.Status == Domain.Care.ReferralStatus.InProgress))
            .Select(r => new IncidentChoiceRow
            {
                IsCase = true,
                Id = r.Id,
                Key = null,
                Name = null,
                FirstName = r.Pupil!.Name.FirstName,
                Prefix = r.Pupil.Name.Prefix,
                LastName = r.Pupil.Name.LastName,
            });
        var staffHere = staff.StaffAt(incident.LocationId).Select(s => new IncidentChoiceRow
        {
            IsCase = false,
            Id = 0,
            Key = s.Id,
            Name = s.DisplayName,
            FirstName = null,
            Prefix = null,
            LastName = null,
        });
        var rows = await cases.Concat(staffHere).OrderBy(r => r.IsCase).ThenBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return (rows.Where(r => r.IsCase).Select(c => new FilterOption(c.Id, ReferralListQuery.FullName(c.FirstName!, c.Prefix, c.LastName!))).ToList(),
            rows.Where(r => !r.IsCase).Select(s => new StaffOption(s.Key!, s.Name!)).ToList());
    }
}

/// <summary>A pupil involved (names) or the incident's names (reporter, location, own category), as one part of a UNION ALL returns it.</summary>
internal sealed class IncidentPageRow
{
    public bool IsPupil { get; set; }

    public int Id { get; set; }

    public string? Text1 { get; set; }

    public string? Text2 { get; set; }

    public string? Text3 { get; set; }
}

/// <summary>An open case or a staff member to choose on the incident page, as one part of a UNION ALL returns it.</summary>
internal sealed class IncidentChoiceRow
{
    public bool IsCase { get; set; }

    public int Id { get; set; }

    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? FirstName { get; set; }

    public string? Prefix { get; set; }

    public string? LastName { get; set; }
}
