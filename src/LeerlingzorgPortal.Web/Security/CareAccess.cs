using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// The referral rules of <see cref="ReferralAccess"/> for the signed-in user: a filter for lists and
/// the permissions on one loaded referral.
/// </summary>
public sealed class CareAccess(CurrentStaff currentStaff, IOptions<CareOptions> options)
{
    public CareAccessSettings Settings => options.Value.AccessSettings;

    public async Task<Expression<Func<Referral, bool>>> ReadableAsync(CancellationToken cancellationToken = default) =>
        ReferralAccess.ReadableBy(await currentStaff.GetScopeAsync(cancellationToken), Settings);

    public async Task<ReferralPermissions> PermissionsAsync(Referral referral, CancellationToken cancellationToken = default) =>
        ReferralAccess.For(await currentStaff.GetScopeAsync(cancellationToken), referral, Settings);
}
