using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Agencies;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>
/// The case-work section of the case page (partial <c>_CaseWorkForms</c>): flag for a ZAT/MDO, add a
/// conversation note or an action item, reassign, refer to an agency, start the meldcode, close, refer out.
/// Shown only to whoever may work this case.
/// </summary>
/// <param name="Today">Today in the school's zone, as the date fields want it (yyyy-MM-dd).</param>
/// <param name="Submitted">The form just posted and refused, so its values and errors are shown again; null otherwise.</param>
public sealed record CaseWorkSection(int ReferralId, Guid Version, string? CareWorker, SupportLevel? SupportLevel,
    bool IsFlaggedForDiscussion, bool MayReassign, bool MayStartMeldcode, IReadOnlyList<StaffOption> CareWorkers,
    IReadOnlyList<StaffOption> StaffAtLocation, IReadOnlyList<AgencyOption>? KnownAgencies, string Today, object? Submitted);
