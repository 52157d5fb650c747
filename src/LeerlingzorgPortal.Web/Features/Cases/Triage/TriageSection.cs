using LeerlingzorgPortal.Web.Features.Cases.CasePage;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Cases.Triage;

/// <summary>
/// The triage section of the case page (partial <c>_TriageForms</c>): assign to a care worker, or return
/// with advice. Shown only to whoever may triage this referral.
/// </summary>
/// <param name="Submitted">The form just posted and refused, so its values and errors are shown again; null otherwise.</param>
public sealed record TriageSection(int ReferralId, Guid Version, IReadOnlyList<StaffOption> CareWorkers, object? Submitted)
{
    public static TriageSection Of(ReferralPage page, object? submitted)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Id, page.Version, page.CareWorkers, submitted);
    }
}
