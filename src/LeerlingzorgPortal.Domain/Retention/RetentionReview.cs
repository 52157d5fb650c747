namespace LeerlingzorgPortal.Domain.Retention;

public enum RetentionReviewStatus
{
    /// <summary>The period has passed; the coordinator has to decide.</summary>
    Due,

    /// <summary>The coordinator confirmed; the data of this kind is removed.</summary>
    Confirmed,

    /// <summary>Kept longer for a reason (e.g. a legal hold) until a date; then due again.</summary>
    Postponed,
}

/// <summary>
/// One pupil's data of one kind whose retention period has passed: the daily job lists it, the
/// coordinator of the pupil's location confirms the removal or postpones it with a reason.
/// </summary>
public sealed class RetentionReview
{
    public const int ReasonMaxLength = 500;

    private RetentionReview()
    {
    }

    public RetentionReview(int pupilId, int locationId, RetentionKind kind, DateOnly dueOn, DateTimeOffset now)
    {
        PupilId = pupilId;
        LocationId = locationId;
        Kind = kind;
        DueOn = dueOn;
        Status = RetentionReviewStatus.Due;
        ListedAt = now;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int PupilId { get; private set; }

    public int LocationId { get; private set; }

    public RetentionKind Kind { get; private set; }

    /// <summary>The leaving date plus the period: the first day the data may be removed.</summary>
    public DateOnly DueOn { get; private set; }

    public RetentionReviewStatus Status { get; private set; }

    public DateTimeOffset ListedAt { get; private set; }

    public DateOnly? PostponedUntil { get; private set; }

    public string? PostponeReason { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsOpen => Status == RetentionReviewStatus.Due;

    /// <summary>Confirms the removal; false when it was already confirmed (a second confirm does nothing).</summary>
    public bool Confirm(string byId, DateTimeOffset now)
    {
        if (Status == RetentionReviewStatus.Confirmed)
        {
            return false;
        }

        if (Status == RetentionReviewStatus.Postponed)
        {
            throw new DomainRuleException("Deze verwijdering is uitgesteld; ze kan pas na de uitsteldatum worden bevestigd.");
        }

        Status = RetentionReviewStatus.Confirmed;
        DecidedById = byId;
        DecidedAt = now;
        Version = Guid.NewGuid();
        return true;
    }

    public void Postpone(DateOnly until, string? reason, string byId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Status == RetentionReviewStatus.Confirmed)
        {
            throw new DomainRuleException("Deze gegevens zijn al verwijderd; uitstellen kan niet meer.");
        }

        if (until <= today)
        {
            throw new DomainRuleException("De uitsteldatum moet na vandaag liggen.");
        }

        if (until > today.AddYears(RetentionPeriod.MaxYears))
        {
            throw new DomainRuleException($"Uitstellen kan hoogstens {RetentionPeriod.MaxYears} jaar.");
        }

        PostponeReason = Guard.Text(reason, ReasonMaxLength, "De reden van het uitstel");
        PostponedUntil = until;
        Status = RetentionReviewStatus.Postponed;
        DecidedById = byId;
        DecidedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>A postponement that has run out makes the review due again.</summary>
    public bool ReopenIfPostponementEnded(DateOnly today)
    {
        if (Status != RetentionReviewStatus.Postponed || PostponedUntil > today)
        {
            return false;
        }

        Status = RetentionReviewStatus.Due;
        Version = Guid.NewGuid();
        return true;
    }
}
