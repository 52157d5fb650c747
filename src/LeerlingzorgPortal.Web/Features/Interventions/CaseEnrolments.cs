using LeerlingzorgPortal.Domain.Offering;

namespace LeerlingzorgPortal.Web.Features.Interventions;

public sealed record CaseEnrolmentLine(int InterventionId, string Intervention, EnrolmentStatus Status, DateTimeOffset RequestedAt,
    DateOnly? StartOn, DateOnly? EndOn, string? Outcome);

public sealed record InterventionOption(int Id, string Name, int Capacity, int Participants, int Waiting)
{
    public int FreePlaces => Math.Max(0, Capacity - Participants);
}

/// <summary>
/// The interventions of a case on its page (partial _CaseEnrolments): the pupil's enrolments made on
/// this case (or without a case), and for those who may work the case the form "Inschrijven voor een
/// interventie". The page shows it only to those who see the case work; the referral page's query loads
/// it with the rest of the case, and its read is audited there.
/// </summary>
/// <param name="Submitted">The enrolment form when it was just posted and refused; null otherwise.</param>
public sealed record CaseEnrolments(int ReferralId, bool MayEnrol, IReadOnlyList<CaseEnrolmentLine> Enrolments,
    IReadOnlyList<InterventionOption> Options, EnrolForm? Submitted, DateOnly Today);
