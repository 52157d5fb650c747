namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>A class (mentorgroep) at one location in one school year.</summary>
public sealed class MentorGroup
{
    public const int NameMaxLength = 20;

    private MentorGroup()
    {
        Name = string.Empty;
    }

    internal MentorGroup(Location location, string name, SchoolYear schoolYear)
    {
        Location = location;
        LocationId = location.Id;
        Name = Guard.Text(name, NameMaxLength, "De naam van de mentorgroep");
        SchoolYear = schoolYear;
    }

    public int Id { get; private set; }

    public int LocationId { get; private set; }

    public Location? Location { get; private set; }

    public string Name { get; private set; }

    public SchoolYear SchoolYear { get; private set; }

    /// <summary>Groups of past school years are archived: kept for the dossiers, no longer offered.</summary>
    public bool IsArchived { get; private set; }

    public void Archive() => IsArchived = true;
}
