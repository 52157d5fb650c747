using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases;

/// <summary>
/// Loads one referral (with its pupil) and asks the authorization service whether the user may do
/// the operation on it. Anything the user may not see or do comes back as null, which actions
/// answer with 404, so ids reveal nothing.
/// </summary>
public sealed class ReferralLoader(PortalDbContext db, IAuthorizationService authorization,
    IHttpContextAccessor httpContextAccessor)
{
    public async Task<Referral?> LoadAsync(int id, OperationAuthorizationRequirement operation,
        Func<IQueryable<Referral>, IQueryable<Referral>>? include = null, CancellationToken cancellationToken = default)
    {
        var query = db.Referrals.Include(r => r.Pupil).AsQueryable();
        if (include is not null)
        {
            query = include(query);
        }

        var referral = await query.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var user = httpContextAccessor.HttpContext?.User;
        if (referral is null || user is null)
        {
            return null;
        }

        return (await authorization.AuthorizeAsync(user, referral, operation)).Succeeded ? referral : null;
    }

    /// <summary>Checks the change against the version the user saw, not the one just loaded.</summary>
    public void ExpectVersion(Referral referral, Guid seen) =>
        db.Entry(referral).Property(r => r.Version).OriginalValue = seen;

    /// <summary>
    /// Applies a change to a loaded referral and saves it with its audit line. With a version, the
    /// change only lands if nobody changed the referral since the user saw it. A broken rule or a
    /// conflict comes back as a result with a Dutch message.
    /// </summary>
    public async Task<CommandResult> ChangeAsync(Referral referral, Guid? seenVersion, Action change, AuditLog audit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(audit);
        return await db.SaveCommandAsync(async () =>
            {
                if (seenVersion is { } version)
                {
                    ExpectVersion(referral, version);
                }

                change();
                audit.Add(AuditAction.Update, nameof(Referral), referral.Id.ToString(CultureInfo.InvariantCulture), referral.PupilId);
                await db.SaveChangesAsync(cancellationToken);
            },
            ReferralMessages.Conflict);
    }

    /// <summary>
    /// Whether a referral the user can read has moved on (triaged, returned, closed) while they
    /// looked at it: then a refused change is a conflict to explain, not a missing page.
    /// </summary>
    public async Task<bool> MovedOnAsync(int id, CancellationToken cancellationToken = default)
    {
        var referral = await LoadAsync(id, Operations.Read, cancellationToken: cancellationToken);
        return referral is not null && referral.Status != ReferralStatus.Draft;
    }
}
