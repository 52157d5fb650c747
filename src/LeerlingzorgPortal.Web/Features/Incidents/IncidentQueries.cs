using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Referrals;
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

    public async Task<IncidentPage?> PageAsync(int id, CancellationToken cancellationToken = default)
    {
        var (incident, manages) = await work.LoadAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var ids = incident.Involved.Select(p => p.PupilId).ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var reporter = incident.ReportedById == scope.StaffMemberId;
        var visible = pupils.Where(p => reporter || PupilAccess.CanRead(scope, p))
            .Select(p => new InvolvedLine(p.Id, p.Name.FullName, incident.RoleOf(p.Id)!.Value))
            .OrderBy(l => l.Role).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var openCases = new List<FilterOption>();
        if (manages)
        {
            var readable = await careAccess.ReadableAsync(cancellationToken);
            var cases = await db.Referrals.AsNoTracking().Where(readable)
                .Where(r => ids.Contains(r.PupilId) && (r.Status == Domain.Care.ReferralStatus.Triaged || r.Status == Domain.Care.ReferralStatus.InProgress))
                .Select(r => new { r.Id, r.Pupil!.Name.FirstName, r.Pupil.Name.Prefix, r.Pupil.Name.LastName })
                .ToListAsync(cancellationToken);
            openCases = cases.Select(c => new FilterOption(c.Id, ReferralListQuery.FullName(c.FirstName, c.Prefix, c.LastName))).ToList();
        }

        var names = await staff.NamesAsync([incident.ReportedById], cancellationToken);
        var location = await db.Locations.Where(l => l.Id == incident.LocationId).Select(l => l.Name).SingleAsync(cancellationToken);
        var categoryName = incident.CustomCategoryId is int customId
            ? await db.CustomIncidentCategories.Where(c => c.Id == customId).Select(c => c.Name).SingleAsync(cancellationToken)
            : Dutch.IncidentCategory(incident.Category);
        return new IncidentPage(incident, categoryName, names.GetValueOrDefault(incident.ReportedById, "–"), location, manages, visible,
            ids.Count - visible.Count, openCases, manages ? await staff.StaffAtAsync(incident.LocationId, cancellationToken) : []);
    }
}
