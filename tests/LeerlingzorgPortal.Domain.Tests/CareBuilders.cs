using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Tests;

internal static class CareBuilders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static ReferralDetails Complete => new(ReferralCategory.SocialEmotional, Urgency.High,
        "Trekt zich terug in de klas.", "Twee gesprekken met de mentor.", ParentsInformed: true, Today.AddDays(-2));

    public static Referral Draft(Pupil? pupil = null, string by = "mentor") =>
        Referral.Draft(pupil ?? Builders.Pupil(Builders.TwoLocations().North), by, Guid.NewGuid(), Complete, Now);

    /// <summary>A referral brought to the given status along the usual path.</summary>
    public static Referral InStatus(ReferralStatus status, Pupil? pupil = null)
    {
        var referral = Draft(pupil);
        if (status == ReferralStatus.Draft)
        {
            return referral;
        }

        referral.Submit("mentor", Now);
        switch (status)
        {
            case ReferralStatus.Submitted:
                return referral;
            case ReferralStatus.ReturnedToMentor:
                referral.ReturnToMentor("coordinator", "Eerst een gesprek met ouders.", Now);
                return referral;
            default:
                break;
        }

        referral.Triage("coordinator", "worker", SupportLevel.Extra, Now);
        switch (status)
        {
            case ReferralStatus.Triaged:
                return referral;
            case ReferralStatus.InProgress:
                referral.AddNote("worker", Note(), Now);
                return referral;
            case ReferralStatus.Closed:
                referral.Close("worker", CaseOutcome.GoalsReached, "Gaat weer goed.", Now);
                return referral;
            case ReferralStatus.ReferredOut:
                referral.ReferOut("worker", "Wijkteam", "Thuissituatie vraagt meer.", Now);
                return referral;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }

    public static NoteDetails Note(bool confidential = false, DateOnly? date = null) =>
        new(date ?? Today, ContactParties.Pupil | ContactParties.Parents, "Gesprek over de week.", "Volgende week opnieuw.",
            confidential);
}
