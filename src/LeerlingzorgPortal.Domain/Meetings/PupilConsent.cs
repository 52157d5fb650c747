namespace LeerlingzorgPortal.Domain.Meetings;

/// <summary>
/// Consent to discuss a pupil with external partners: given on a date, by the parents or (from 16)
/// by the pupil, for some meeting types and partner kinds; it can be withdrawn.
/// </summary>
public sealed class PupilConsent
{
    public const int GivenByMaxLength = 200;

    private PupilConsent()
    {
        GivenBy = string.Empty;
        RecordedById = string.Empty;
        MeetingTypes = [];
        Partners = [];
    }

    public PupilConsent(int pupilId, DateOnly givenOn, string givenBy, bool givenByPupil, IReadOnlyCollection<MeetingType> meetingTypes,
        IReadOnlyCollection<PartnerKind> partners, string recordedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meetingTypes);
        ArgumentNullException.ThrowIfNull(partners);
        if (givenOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De datum van de toestemming kan niet in de toekomst liggen.");
        }

        if (meetingTypes.Count == 0 || partners.Count == 0)
        {
            throw new DomainRuleException("Kies voor welke overleggen en welke partners de toestemming geldt.");
        }

        PupilId = pupilId;
        GivenOn = givenOn;
        GivenBy = Guard.Text(givenBy, GivenByMaxLength, "Wie de toestemming gaf");
        GivenByPupil = givenByPupil;
        MeetingTypes = meetingTypes.Distinct().ToList();
        Partners = partners.Distinct().ToList();
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public int Id { get; private set; }

    public int PupilId { get; private set; }

    public DateOnly GivenOn { get; private set; }

    public string GivenBy { get; private set; }

    /// <summary>Given by the pupil themself (needed from 16), not by the parents.</summary>
    public bool GivenByPupil { get; private set; }

    public IReadOnlyList<MeetingType> MeetingTypes { get; private set; }

    public IReadOnlyList<PartnerKind> Partners { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string RecordedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public void Withdraw(DateOnly on, DateTimeOffset now)
    {
        if (WithdrawnOn is not null)
        {
            throw new DomainRuleException("Deze toestemming is al ingetrokken.");
        }

        if (on > DateOnly.FromDateTime(now.UtcDateTime) || on < GivenOn)
        {
            throw new DomainRuleException("De datum van intrekken ligt tussen het geven van de toestemming en vandaag.");
        }

        WithdrawnOn = on;
    }
}

/// <summary>
/// The consent rule for meetings with externals, on the meeting date: a consent that is given (and
/// not withdrawn) on that date, covers the meeting type and every partner kind present, and was given
/// by the right person: the parents, or the pupil themself once they are 16 on the meeting date.
/// </summary>
public static class MeetingConsent
{
    public const int AgeOfOwnConsent = 16;

    public static ConsentCheck Check(DateOnly dateOfBirth, IEnumerable<PupilConsent> consents, MeetingType type,
        IReadOnlyCollection<PartnerKind> partners, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(partners);
        if (partners.Count == 0)
        {
            return ConsentCheck.NotNeeded;
        }

        var age = meetingDate.Year - dateOfBirth.Year - (meetingDate < dateOfBirth.AddYears(meetingDate.Year - dateOfBirth.Year) ? 1 : 0);
        var pupilDecides = age >= AgeOfOwnConsent;
        var valid = consents
            .Where(c => c.GivenOn <= meetingDate && (c.WithdrawnOn is null || c.WithdrawnOn > meetingDate))
            .Where(c => c.MeetingTypes.Contains(type) && partners.All(c.Partners.Contains))
            .ToList();
        if (valid.Exists(c => c.GivenByPupil == pupilDecides))
        {
            return ConsentCheck.Given;
        }

        return new ConsentCheck(false, pupilDecides
            ? "De leerling is op de datum van het overleg 16 of ouder en moet zelf toestemming geven voor bespreking met deze partners."
            : "Er is geen geldige toestemming van de ouders voor bespreking met deze partners in dit soort overleg.");
    }
}

public sealed record ConsentCheck(bool Covered, string? Reason)
{
    public static readonly ConsentCheck Given = new(true, null);

    public static readonly ConsentCheck NotNeeded = new(true, null);
}
