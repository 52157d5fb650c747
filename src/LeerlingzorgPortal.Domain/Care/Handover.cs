using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Care;

/// <summary>
/// The warm handover (warme overdracht) of an incoming pupil: what the previous school passed on,
/// whether there was a conversation, and whether the pupil needs care. A pupil who needs care gets a
/// referral from the handover in the intake queue.
/// </summary>
public sealed class Handover
{
    public const int TextMaxLength = 4000;

    private Handover()
    {
        PreviousSchool = string.Empty;
        ReportSummary = string.Empty;
        RecordedById = string.Empty;
    }

    private Handover(int pupilId, HandoverDetails details, string recordedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        PupilId = pupilId;
        PreviousSchool = Guard.Text(details.PreviousSchool, 200, "De vorige school");
        ReportSummary = Guard.Text(details.ReportSummary, TextMaxLength, "De samenvatting van het onderwijskundig rapport");
        SupportSoFar = Guard.OptionalText(details.SupportSoFar, TextMaxLength, "De ondersteuning tot nu toe");
        Advice = Guard.OptionalText(details.Advice, TextMaxLength, "Het advies");
        if (details.ConversationHeld && details.ConversationOn is { } on && on > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De datum van het gesprek met de vorige school kan niet in de toekomst liggen.");
        }

        ConversationHeld = details.ConversationHeld;
        ConversationOn = details.ConversationHeld ? details.ConversationOn : null;
        NeedsCare = details.NeedsCare;
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public int Id { get; private set; }

    public int PupilId { get; private set; }

    public string PreviousSchool { get; private set; }

    public string ReportSummary { get; private set; }

    public string? SupportSoFar { get; private set; }

    public string? Advice { get; private set; }

    public bool ConversationHeld { get; private set; }

    public DateOnly? ConversationOn { get; private set; }

    public bool NeedsCare { get; private set; }

    /// <summary>The referral the handover started, when the pupil needs care.</summary>
    public int? ReferralId { get; private set; }

    public string RecordedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records the handover; with "needs care", also the referral that puts the pupil in the intake queue.</summary>
    public static (Handover Handover, Referral? Referral) Record(Pupil pupil, HandoverDetails details, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        var handover = new Handover(pupil.Id, details, byId, now);
        var question = $"Warme overdracht van {handover.PreviousSchool}: {handover.ReportSummary}";
        var referral = details.NeedsCare
            ? Referral.FromHandover(pupil, byId, Guid.NewGuid(), question[..Math.Min(question.Length, Referral.QuestionMaxLength)],
                handover.SupportSoFar is null ? null : handover.SupportSoFar[..Math.Min(handover.SupportSoFar.Length, Referral.AlreadyTriedMaxLength)], now)
            : null;
        return (handover, referral);
    }

    public void LinkReferral(int referralId) => ReferralId = referralId;
}

public sealed record HandoverDetails(string? PreviousSchool, string? ReportSummary, string? SupportSoFar, string? Advice,
    bool ConversationHeld, DateOnly? ConversationOn, bool NeedsCare);
