using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Protocols;

public sealed record ProtocolSignal(int Id, string Title, DateOnly ReviewOn, string Owner);

/// <summary>
/// Active protocols whose review date has passed: for every coordinator (protocols are board-wide)
/// and for the protocol's own owner.
/// </summary>
public sealed class ProtocolSignalsQuery(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProtocolSignal>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        if (me is null)
        {
            return [];
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var all = scope.Has(StaffRole.Coordinator);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Protocols.AsNoTracking()
            .Where(p => p.IsActive && p.ReviewOn < today && (all || p.OwnerId == me))
            .OrderBy(p => p.ReviewOn)
            .Select(p => new
            {
                p.Id, p.ReviewOn,
                Title = p.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First(),
                Owner = db.StaffMembers.Where(s => s.Id == p.OwnerId).Select(s => s.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ProtocolSignal(r.Id, r.Title, r.ReviewOn, r.Owner ?? "–")).ToList();
    }
}
