using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Plans;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

public sealed record PlanLine(int Id, string Title, PlanKind Kind, PlanStatus Status, int Version);

/// <summary>A measure of an active plan that teachers carry out in class: what the mentor reads of the plans.</summary>
public sealed record ClassroomMeasure(string PlanTitle, string What, string ByWhom, string HowOften, string? Duration);

/// <summary>
/// The plans of a case on its page (partial <c>_CasePlans</c>): the plans with a link to each for whoever
/// reads plans (and "Nieuw ondersteuningsplan" for whoever writes them), otherwise the classroom measures
/// of its active plans. Filled by the case page's query. It lives here, not in <c>CarePlans</c>, because that
/// folder already uses the case through <c>Interventions</c>, and the folders may not use each other (ADR 0044).
/// </summary>
public sealed record CasePlansSection(int ReferralId, PlanPermissions OnPlans, IReadOnlyList<PlanLine> Plans,
    IReadOnlyList<ClassroomMeasure> ClassroomMeasures)
{
    /// <summary>Whether the page shows the section at all: to plan readers, or when there are classroom measures.</summary>
    public bool Shows => OnPlans.ReadsPlans || ClassroomMeasures.Count > 0;
}
