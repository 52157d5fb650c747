namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>A school location (vestiging) of a board.</summary>
public sealed class Location
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 20;

    private readonly List<MentorGroup> _mentorGroups = [];

    private Location()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    internal Location(Board board, string name, string code)
    {
        Board = board;
        Name = Guard.Text(name, NameMaxLength, "De naam van de locatie");
        Code = Guard.Text(code, CodeMaxLength, "De code van de locatie").ToUpperInvariant();
    }

    public int Id { get; private set; }

    public int BoardId { get; private set; }

    public Board? Board { get; private set; }

    public string Name { get; private set; }

    /// <summary>A short code such as a BRIN number with suffix, unique within the board.</summary>
    public string Code { get; private set; }

    public IReadOnlyCollection<MentorGroup> MentorGroups => _mentorGroups.AsReadOnly();

    /// <summary>
    /// Prepares the next school year: the same group names anew, and this year's groups archived.
    /// Pupils move into the new groups with the first import of the new year.
    /// </summary>
    public IReadOnlyList<MentorGroup> RollOver(SchoolYear from)
    {
        var current = _mentorGroups.Where(g => g.SchoolYear == from && !g.IsArchived).ToList();
        var next = new SchoolYear(from.StartYear + 1);
        var created = current.Where(g => !_mentorGroups.Exists(n => n.SchoolYear == next && string.Equals(n.Name, g.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(g => AddMentorGroup(g.Name, next)).ToList();
        current.ForEach(g => g.Archive());
        return created;
    }

    public MentorGroup AddMentorGroup(string name, SchoolYear schoolYear)
    {
        var group = new MentorGroup(this, name, schoolYear);
        if (_mentorGroups.Exists(g => g.SchoolYear == schoolYear
                                      && string.Equals(g.Name, group.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException(
                $"Mentorgroep {group.Name} bestaat al op deze locatie in schooljaar {schoolYear}.");
        }

        _mentorGroups.Add(group);
        return group;
    }
}
