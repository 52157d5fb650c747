using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>
/// Which audit lines, pupils and staff the signed-in reviewer may see (ADR 0020, reviewer model of ADR 0034,
/// rules in <see cref="AuditAccess"/>), stated once for the viewer, its export and the unusual-access overview:
/// <list type="bullet">
/// <item>the admin sees the lines without a pupil (sign-ins, account changes, refused access, exports), never a
/// line about a pupil;</item>
/// <item>a coordinator sees the lines about pupils of their own locations, whoever wrote them; and the lines
/// without a pupil written by a user who works at one of their locations. Never a line about another
/// location's pupil, not even one written by their own colleague;</item>
/// <item>the privacy officer (FG) sees every line of the board, pupils pseudonymised in the rows;</item>
/// <item>a line about a meldcode track only for the coordinators of the track's location and its members;</item>
/// <item>anyone else sees nothing (the controller's policy already refuses them).</item>
/// </list>
/// A line whose pupil no longer exists counts as a line about a pupil for the admin (it may have been one) and
/// as a line without a pupil for a coordinator (its location is no longer known).
/// </summary>
public sealed class AuditReach(PortalDbContext db, CurrentStaff currentStaff)
{
    private StaffScope? _scope;

    public async Task<StaffScope> ScopeAsync(CancellationToken cancellationToken = default) =>
        _scope ??= await currentStaff.GetScopeAsync(cancellationToken);

    /// <summary>Whether the reviewer sees pupils as pseudonyms (unless the pupil is at a location they coordinate).</summary>
    public async Task<bool> PseudonymisesAsync(CancellationToken cancellationToken = default) =>
        AuditAccess.ReviewsBoardPseudonymised(await ScopeAsync(cancellationToken));

    public async Task<IQueryable<AuditEntry>> RowsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        var board = AuditAccess.ReviewsBoardPseudonymised(scope);
        var everyWithoutPupil = AuditAccess.SeesEveryLineWithoutPupil(scope);
        var locations = AuditAccess.ReviewsOwnLocations(scope) ? scope.LocationIds.ToList() : [];
        var meldcode = AuditAccess.MeldcodeSubject;
        var myTracks = db.MeldcodeTracks.Where(IncidentAccess.MeldcodeTracksOf(scope));
        if (!board && !everyWithoutPupil && locations.Count == 0)
        {
            return db.AuditEntries.Where(_ => false);
        }

        return db.AuditEntries.Where(a =>
            // Lines about a pupil: the whole board for the FG, the own locations' pupils for a coordinator.
            (a.PupilId != null
             && (board || db.Pupils.Any(p => p.Id == a.PupilId && locations.Contains(p.LocationId)))
             && (a.SubjectType != meldcode || myTracks.Any(t => t.PupilId == a.PupilId)))
            // Lines without a pupil (or whose pupil is gone): everyone's for the admin and FG, the own locations' staff's for a coordinator.
            || (a.PupilId == null && everyWithoutPupil)
            || ((a.PupilId == null || !db.Pupils.Any(p => p.Id == a.PupilId))
                && a.SubjectType != meldcode
                && db.StaffMembers.Any(s => s.Id == a.UserId && s.Locations.Any(l => locations.Contains(l.LocationId)))));
    }

    /// <summary>The pupils a reviewer can filter on: every pupil for the FG (by pseudonym), those of their locations for a coordinator, none for the admin.</summary>
    public async Task<IQueryable<Pupil>> PupilsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (AuditAccess.ReviewsBoardPseudonymised(scope))
        {
            return db.Pupils;
        }

        var locations = AuditAccess.ReviewsOwnLocations(scope) ? scope.LocationIds.ToList() : [];
        return db.Pupils.Where(p => locations.Contains(p.LocationId));
    }

    /// <summary>The staff a reviewer can filter on: everybody for the admin and FG, those working at their locations for a coordinator.</summary>
    public async Task<IQueryable<StaffMember>> StaffAsync(CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (AuditAccess.SeesEveryLineWithoutPupil(scope))
        {
            return db.StaffMembers;
        }

        var locations = AuditAccess.ReviewsOwnLocations(scope) ? scope.LocationIds.ToList() : [];
        return db.StaffMembers.Where(s => s.Locations.Any(l => locations.Contains(l.LocationId)));
    }
}
