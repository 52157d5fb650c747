using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Domain.Incidents;

public enum ExternalReferralStatus
{
    Sent,
    Accepted,
    WaitingList,
    InCare,
    Finished,
    Declined,
}

/// <summary>
/// A doorverwijzing from a case to an external agency: what was shared with whose consent, its
/// status, and when feedback is expected; feedback that is late is signalled.
/// </summary>
public sealed class ExternalReferral
{
    public const int TextMaxLength = 2000;

    private ExternalReferral()
    {
        AgencyName = string.Empty;
        Reason = string.Empty;
        SharedInformation = string.Empty;
        ConsentBy = string.Empty;
        CreatedById = string.Empty;
    }

    public ExternalReferral(int referralId, int pupilId, PartnerKind agencyKind, string agencyName, DateOnly sentOn, string reason,
        string sharedInformation, string consentBy, DateOnly? expectedFeedbackOn, string createdById, DateTimeOffset now,
        int? organisationId = null)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (sentOn > today)
        {
            throw new DomainRuleException("De datum van de doorverwijzing kan niet in de toekomst liggen.");
        }

        if (expectedFeedbackOn is { } expected && expected < sentOn)
        {
            throw new DomainRuleException("De verwachte terugkoppeling kan niet voor de doorverwijzing liggen.");
        }

        ReferralId = referralId;
        PupilId = pupilId;
        AgencyKind = agencyKind;
        AgencyName = Guard.Text(agencyName, 200, "De instantie");
        OrganisationId = organisationId;
        SentOn = sentOn;
        Reason = Guard.Text(reason, TextMaxLength, "De reden");
        SharedInformation = Guard.Text(sharedInformation, TextMaxLength, "Welke informatie is gedeeld");
        ConsentBy = Guard.Text(consentBy, 200, "Met wiens toestemming");
        ExpectedFeedbackOn = expectedFeedbackOn;
        Status = ExternalReferralStatus.Sent;
        CreatedById = createdById;
        CreatedAt = now;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int ReferralId { get; private set; }

    public int PupilId { get; private set; }

    public PartnerKind AgencyKind { get; private set; }

    public string AgencyName { get; private set; }

    /// <summary>The agency on the sociale kaart, when it was picked from there rather than typed.</summary>
    public int? OrganisationId { get; private set; }

    public DateOnly SentOn { get; private set; }

    public string Reason { get; private set; }

    public string SharedInformation { get; private set; }

    public string ConsentBy { get; private set; }

    public ExternalReferralStatus Status { get; private set; }

    public DateOnly? ExpectedFeedbackOn { get; private set; }

    public DateOnly? FeedbackReceivedOn { get; private set; }

    public string? Feedback { get; private set; }

    public string CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsFeedbackOverdueOn(DateOnly today) =>
        FeedbackReceivedOn is null && ExpectedFeedbackOn is { } expected && expected < today
        && Status is not (ExternalReferralStatus.Finished or ExternalReferralStatus.Declined);

    public void Update(ExternalReferralStatus status, DateOnly? expectedFeedbackOn, DateOnly? feedbackReceivedOn, string? feedback,
        DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (feedbackReceivedOn is { } received && (received > today || received < SentOn))
        {
            throw new DomainRuleException("De datum van de terugkoppeling ligt tussen de doorverwijzing en vandaag.");
        }

        if (feedbackReceivedOn is not null && string.IsNullOrWhiteSpace(feedback))
        {
            throw new DomainRuleException("Beschrijf de terugkoppeling.");
        }

        Status = status;
        ExpectedFeedbackOn = expectedFeedbackOn;
        FeedbackReceivedOn = feedbackReceivedOn;
        Feedback = Guard.OptionalText(feedback, TextMaxLength, "De terugkoppeling");
        Version = Guid.NewGuid();
    }
}
