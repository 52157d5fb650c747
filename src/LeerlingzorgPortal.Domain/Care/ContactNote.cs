namespace LeerlingzorgPortal.Domain.Care;

/// <summary>
/// A gespreksverslag: who spoke with whom, when, what was said and agreed. A confidential note is
/// read only by the assigned care staff and the coordinator.
/// </summary>
public sealed class ContactNote
{
    public const int SummaryMaxLength = 4000;
    public const int AgreementsMaxLength = 2000;

    private ContactNote()
    {
        AuthorId = string.Empty;
        Summary = string.Empty;
    }

    internal ContactNote(Referral referral, string authorId, NoteDetails details, DateTimeOffset now)
    {
        Referral = referral;
        AuthorId = authorId;
        Date = details.Date;
        if (details.With == ContactParties.None)
        {
            throw new DomainRuleException("Kies met wie het gesprek was.");
        }

        With = details.With;
        Summary = Guard.Text(details.Summary, SummaryMaxLength, "De samenvatting");
        Agreements = Guard.OptionalText(details.Agreements, AgreementsMaxLength, "De afspraken");
        IsConfidential = details.IsConfidential;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int ReferralId { get; private set; }

    public Referral? Referral { get; private set; }

    public string AuthorId { get; private set; }

    public DateOnly Date { get; private set; }

    public ContactParties With { get; private set; }

    public string Summary { get; private set; }

    public string? Agreements { get; private set; }

    public bool IsConfidential { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

public sealed record NoteDetails(DateOnly Date, ContactParties With, string? Summary, string? Agreements,
    bool IsConfidential);
