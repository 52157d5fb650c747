namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>A parent or carer (ouder/verzorger) of a pupil.</summary>
public sealed class Guardian
{
    public const int NameMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;

    private Guardian()
    {
        Name = string.Empty;
    }

    internal Guardian(string name, GuardianRelationship relationship, string? phone, string? email,
        bool hasParentalAuthority)
    {
        Name = Guard.Text(name, NameMaxLength, "De naam van de ouder/verzorger");
        Relationship = relationship;
        Phone = Guard.OptionalText(phone, PhoneMaxLength, "Het telefoonnummer");
        Email = Guard.OptionalText(email, EmailMaxLength, "Het e-mailadres");
        if (Phone is null && Email is null)
        {
            throw new DomainRuleException("Vul een telefoonnummer of e-mailadres van de ouder/verzorger in.");
        }

        HasParentalAuthority = hasParentalAuthority;
    }

    public int Id { get; private set; }

    public int PupilId { get; private set; }

    public string Name { get; private set; }

    public GuardianRelationship Relationship { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Whether this guardian holds parental authority (gezag) and so gives consent.</summary>
    public bool HasParentalAuthority { get; private set; }
}

public enum GuardianRelationship
{
    Mother,
    Father,
    Parent,
    Carer,
    Other,
}
