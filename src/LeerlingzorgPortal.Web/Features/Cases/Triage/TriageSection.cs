using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Cases.Triage;

/// <summary>
/// The triage section of the case page (partial <c>_TriageForms</c>): assign to a care worker, or return
/// with advice. Shown only to whoever may triage this referral.
/// </summary>
/// <param name="Submitted">The form just posted and refused, so its values and errors are shown again; null otherwise.</param>
public sealed record TriageSection(int ReferralId, Guid Version, IReadOnlyList<StaffOption> CareWorkers, object? Submitted);
