using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Security;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>
/// Which audit lines, pupils and staff the signed-in reviewer may see (ADR 0020), stated once for the
/// viewer, its export and the unusual-access overview:
/// <list type="bullet">
/// <item>the admin sees every line;</item>
/// <item>a coordinator sees the lines about pupils of their own locations, whoever wrote them; and the lines
/// without a pupil (sign-ins, refused access, reports, or a pupil whose data has since been deleted) written
/// by a user who works at one of their locations. Never a line about another location's pupil, not even
/// one written by their own colleague;</item>
/// <item>anyone else sees nothing (the controller's policy already refuses them).</item>
/// </list>
/// </summary>
public sealed class AuditReach(PortalDbContext db, CurrentStaff currentStaff)
{
    private StaffScope? _scope;

    public async Task<StaffScope> ScopeAsync(CancellationToken cancellationToken = default) =>
        _scope ??= await currentStaff.GetScopeAsync(cancellationToken);

    public async Task<bool> SeesEverythingAsync(CancellationToken cancellationToken = default) =>
        (await ScopeAsync(cancellationToken)).Has(StaffRole.Admin);

    public async Task<IQueryable<AuditEntry>> RowsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (scope.Has(StaffRole.Admin))
        {
            return db.AuditEntries;
        }

        if (!scope.Has(StaffRole.Coordinator) || scope.LocationIds.Count == 0)
        {
            return db.AuditEntries.Where(_ => false);
        }

        var locations = scope.LocationIds.ToList();
        return db.AuditEntries.Where(a =>
            (a.PupilId != null && db.Pupils.Any(p => p.Id == a.PupilId && locations.Contains(p.LocationId)))
            || ((a.PupilId == null || !db.Pupils.Any(p => p.Id == a.PupilId))
                && db.StaffMembers.Any(s => s.Id == a.UserId && s.Locations.Any(l => locations.Contains(l.LocationId)))));
    }

    /// <summary>The pupils a reviewer can filter on: every pupil for the admin, those of their locations for a coordinator.</summary>
    public async Task<IQueryable<Pupil>> PupilsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (scope.Has(StaffRole.Admin))
        {
            return db.Pupils;
        }

        var locations = scope.Has(StaffRole.Coordinator) ? scope.LocationIds.ToList() : [];
        return db.Pupils.Where(p => locations.Contains(p.LocationId));
    }

    /// <summary>The staff a reviewer can filter on: everybody for the admin, those working at their locations for a coordinator.</summary>
    public async Task<IQueryable<StaffMember>> StaffAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (scope.Has(StaffRole.Admin))
        {
            return db.StaffMembers;
        }

        var locations = scope.Has(StaffRole.Coordinator) ? scope.LocationIds.ToList() : [];
        return db.StaffMembers.Where(s => s.Locations.Any(l => locations.Contains(l.LocationId)));
    }
}
