using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Domain.Incidents;

/// <summary>
/// An agency on the school's sociale kaart: who they are, what they offer, how to reach them and how
/// to refer. Meetings and external referrals pick from it, so everyone uses one spelling. Taken out
/// of use, never deleted.
/// </summary>
public sealed class ExternalOrganisation
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 200;
    public const int TextMaxLength = 2000;

    private ExternalOrganisation()
    {
        Name = string.Empty;
    }

    public ExternalOrganisation(string name, PartnerKind kind)
    {
        Name = Guard.Text(name, NameMaxLength, "De naam van de instantie");
        Kind = kind;
        IsActive = true;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public PartnerKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Changes with every change, so two people editing at once do not overwrite each other.</summary>
    public Guid Version { get; private set; }

    public string? Region { get; private set; }

    public string? ContactPerson { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? Website { get; private set; }

    public string? Address { get; private set; }

    /// <summary>What they offer, for whom.</summary>
    public string? Offer { get; private set; }

    /// <summary>How to refer: by whom, which form, waiting times, consent needed.</summary>
    public string? HowToRefer { get; private set; }

    public void SetActive(bool active)
    {
        IsActive = active;
        Version = Guid.NewGuid();
    }

    public void Rename(string name, PartnerKind kind)
    {
        Name = Guard.Text(name, NameMaxLength, "De naam van de instantie");
        Kind = kind;
        Version = Guid.NewGuid();
    }

    public void Describe(AgencyDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Region = Guard.OptionalText(details.Region, ShortTextMaxLength, "De regio");
        ContactPerson = Guard.OptionalText(details.ContactPerson, ShortTextMaxLength, "De contactpersoon");
        Phone = Guard.OptionalText(details.Phone, 50, "Het telefoonnummer");
        Email = Guard.OptionalText(details.Email, ShortTextMaxLength, "Het e-mailadres");
        Website = Guard.OptionalText(details.Website, ShortTextMaxLength, "De website");
        if (Website is not null && !IsWebAddress(Website))
        {
            throw new DomainRuleException("De website moet beginnen met https:// of http://.");
        }

        Address = Guard.OptionalText(details.Address, ShortTextMaxLength, "Het adres");
        Offer = Guard.OptionalText(details.Offer, TextMaxLength, "Het aanbod");
        HowToRefer = Guard.OptionalText(details.HowToRefer, TextMaxLength, "Hoe te verwijzen");
        Version = Guid.NewGuid();
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>The sociale-kaart details of an agency; all optional.</summary>
public sealed record AgencyDetails(
    string? Region,
    string? ContactPerson,
    string? Phone,
    string? Email,
    string? Website,
    string? Address,
    string? Offer,
    string? HowToRefer);
