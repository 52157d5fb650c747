using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Domain.Incidents;

/// <summary>
/// An agency the school refers pupils to, kept by the admin so care workers pick a known name
/// instead of typing a new spelling each time. Taken out of use, never deleted.
/// </summary>
public sealed class ExternalOrganisation
{
    public const int NameMaxLength = 200;

    private ExternalOrganisation()
    {
        Name = string.Empty;
    }

    public ExternalOrganisation(string name, PartnerKind kind)
    {
        Name = Guard.Text(name, NameMaxLength, "De naam van de instantie");
        Kind = kind;
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public PartnerKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    public void SetActive(bool active) => IsActive = active;
}
