using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Cases.Enrolments;

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

/// <summary>The Dutch words for the state of an enrolment.</summary>
public static class EnrolmentText
{
    public static string Status(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Waiting => "Op de wachtlijst",
        EnrolmentStatus.Participating => "Neemt deel",
        EnrolmentStatus.Finished => "Afgerond",
        _ => "Afgemeld",
    };

    public static string Level(SupportLevel level) => Dutch.SupportLevel(level);
}
