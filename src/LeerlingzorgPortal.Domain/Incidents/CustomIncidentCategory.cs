namespace LeerlingzorgPortal.Domain.Incidents;

/// <summary>
/// A category the school adds to the fixed monitoring categories (e.g. "Vuurwerk"). In the yearly
/// monitoring it counts as "overig"; the admin maintains the list and can retire an entry.
/// </summary>
public sealed class CustomIncidentCategory
{
    public const int NameMaxLength = 100;

    private CustomIncidentCategory()
    {
        Name = string.Empty;
    }

    public CustomIncidentCategory(string name)
    {
        Name = Guard.Text(name, NameMaxLength, "De naam van de categorie");
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public void SetActive(bool active) => IsActive = active;
}
