using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

public sealed record AccommodationSignal(int PupilId, string PupilName, AccommodationKind Kind, string? Detail, string Signal,
    DateOnly On, string GrantedBy);

/// <summary>
/// Accommodations that run out, or whose statement runs out, within six weeks (<see cref="AccommodationExpiry"/>):
/// for a care worker those they granted, for a coordinator those of the pupils at their locations.
/// </summary>
public sealed class AccommodationSignalsQuery(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccommodationSignal>> HandleAsync(bool onlyMine, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var horizon = today.AddDays(AccommodationExpiry.NoticeDays);
        // Pupils who have left need no renewal.
        var readable = db.Pupils.Where(PupilAccess.ReadableBy(scope)).Where(p => p.LeftOn == null || p.LeftOn > today);

        // A first cut in the database, with the pupils' and the granters' names, in one command; the domain's rule decides exactly.
        var candidates = await db.Accommodations.AsNoTracking()
            .Where(a => a.EndedOn == null && a.ValidUntil >= today
                        && (a.ValidUntil <= horizon || (a.StatementValidUntil != null && a.StatementValidUntil <= horizon)))
            .Where(a => !onlyMine || a.GrantedById == me)
            .Where(a => readable.Any(p => p.Id == a.PupilId))
            .Select(a => new
            {
                Accommodation = a,
                Pupil = db.Pupils.Where(p => p.Id == a.PupilId).Select(p => new { p.Name.FirstName, p.Name.Prefix, p.Name.LastName }).First(),
                GrantedBy = db.StaffMembers.Where(s => s.Id == a.GrantedById).Select(s => s.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return candidates
            .SelectMany(c => AccommodationExpiry.SignalsFor(c.Accommodation, today).Select(s => new AccommodationSignal(c.Accommodation.PupilId,
                new PersonName(c.Pupil.FirstName, c.Pupil.Prefix, c.Pupil.LastName).FullName, c.Accommodation.Kind,
                c.Accommodation.Detail, Describe(s, today), s.On, c.GrantedBy ?? "–")))
            .OrderBy(s => s.On)
            .ThenBy(s => s.PupilName, StringComparer.Ordinal)
            .ToList();
    }

    private static string Describe(ExpirySignal signal, DateOnly today) => signal.Kind switch
    {
        ExpirySignalKind.AccommodationEndsSoon => $"loopt af: geldig tot en met {Dutch.Date(signal.On)}",
        _ when signal.On < today => $"verklaring verlopen op {Dutch.Date(signal.On)}",
        _ => $"verklaring verloopt op {Dutch.Date(signal.On)}",
    };
}
