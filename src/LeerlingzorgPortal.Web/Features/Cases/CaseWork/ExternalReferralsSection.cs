using LeerlingzorgPortal.Domain.Incidents;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>
/// The external referrals of a case on its page (partial <c>_ExternalReferrals</c>): shown to whoever sees
/// the case work; <paramref name="MayUpdate"/> adds the update form to each.
/// </summary>
public sealed record ExternalReferralsSection(int ReferralId, bool MayUpdate, IReadOnlyList<ExternalReferral> Referrals, DateOnly Today);
