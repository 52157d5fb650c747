using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Protocols;

namespace LeerlingzorgPortal.Web.Features.Protocols;

public sealed record ProtocolSignal(int Id, string Title, DateOnly ReviewOn, string Owner);

/// <summary>
/// Active protocols whose review date has passed: for every coordinator (protocols are board-wide)
/// and for the protocol's own owner. The home page reads them with its other lists (ADR 0032).
/// </summary>
public static class ProtocolSignals
{
    public static Expression<Func<Protocol, bool>> DueFor(StaffScope scope, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        var all = scope.Has(StaffRole.Coordinator);
        return p => p.IsActive && p.ReviewOn < today && (all || p.OwnerId == me);
    }
}
