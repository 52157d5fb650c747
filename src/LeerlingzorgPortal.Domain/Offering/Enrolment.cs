namespace LeerlingzorgPortal.Domain.Offering;

public enum EnrolmentStatus
{
    /// <summary>In line for a place.</summary>
    Waiting,

    /// <summary>Taking part.</summary>
    Participating,

    /// <summary>Completed, with an outcome.</summary>
    Finished,

    /// <summary>Stopped early or taken off the waiting list.</summary>
    Withdrawn,
}

/// <summary>
/// A pupil's place in (or in line for) an intervention: start, end and outcome. Belongs to the
/// intervention, which guards its capacity; linked to the pupil's case when there is one.
/// </summary>
public sealed class Enrolment
{
    public const int OutcomeMaxLength = 2000;

    private Enrolment()
    {
        EnrolledById = string.Empty;
    }

    private Enrolment(int pupilId, int? referralId, string enrolledById, DateTimeOffset now)
    {
        PupilId = pupilId;
        ReferralId = referralId;
        EnrolledById = enrolledById;
        RequestedAt = now;
    }

    public int Id { get; private set; }

    public int InterventionId { get; private set; }

    public int PupilId { get; private set; }

    /// <summary>The case the enrolment is part of, when the pupil has one.</summary>
    public int? ReferralId { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    /// <summary>When the pupil was enrolled or put in line: the order of the waiting list.</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    public DateOnly? StartOn { get; private set; }

    /// <summary>When a pupil who waited was given a place; null for a direct enrolment.</summary>
    public DateTimeOffset? AdmittedAt { get; private set; }

    public DateOnly? EndOn { get; private set; }

    public string? Outcome { get; private set; }

    public string EnrolledById { get; private set; }

    /// <summary>Waiting or participating: the pupil cannot be enrolled a second time.</summary>
    public bool IsOpen => Status is EnrolmentStatus.Waiting or EnrolmentStatus.Participating;

    internal static Enrolment Participating(int pupilId, int? referralId, DateOnly startOn, string enrolledById, DateTimeOffset now) =>
        new(pupilId, referralId, enrolledById, now) { Status = EnrolmentStatus.Participating, StartOn = startOn };

    internal static Enrolment OnWaitingList(int pupilId, int? referralId, string enrolledById, DateTimeOffset now) =>
        new(pupilId, referralId, enrolledById, now) { Status = EnrolmentStatus.Waiting };

    internal void Admit(DateOnly startOn, DateTimeOffset now)
    {
        Status = EnrolmentStatus.Participating;
        StartOn = startOn;
        AdmittedAt = now;
    }

    internal void Finish(DateOnly endOn, string outcome)
    {
        if (Status != EnrolmentStatus.Participating)
        {
            throw new DomainRuleException("Alleen een deelname die loopt kan worden afgerond.");
        }

        EnsureEndAfterStart(endOn);
        Outcome = Guard.Text(outcome, OutcomeMaxLength, "De uitkomst");
        EndOn = endOn;
        Status = EnrolmentStatus.Finished;
    }

    internal void Withdraw(DateOnly endOn, string? reason)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("Deze inschrijving is al afgesloten.");
        }

        EnsureEndAfterStart(endOn);
        Outcome = Guard.OptionalText(reason, OutcomeMaxLength, "De reden");
        EndOn = endOn;
        Status = EnrolmentStatus.Withdrawn;
    }

    private void EnsureEndAfterStart(DateOnly endOn)
    {
        if (StartOn is { } start && endOn < start)
        {
            throw new DomainRuleException("De einddatum van de deelname ligt voor de startdatum.");
        }
    }
}
