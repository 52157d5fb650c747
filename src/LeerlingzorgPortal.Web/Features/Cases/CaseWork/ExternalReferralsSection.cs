using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Cases.CasePage;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>
/// The external referrals of a case on its page (partial <c>_ExternalReferrals</c>): shown to whoever sees
/// the case work; <paramref name="MayUpdate"/> adds the update form to each.
/// </summary>
public sealed record ExternalReferralsSection(int ReferralId, bool MayUpdate, IReadOnlyList<ExternalReferral> Referrals, DateOnly Today)
{
    public static ExternalReferralsSection Of(ReferralPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Id, page.Permissions.CanWork, page.ExternalReferrals, page.Today);
    }
}
