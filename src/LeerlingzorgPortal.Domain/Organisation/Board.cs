namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>A school board (stichting) that runs one or more locations.</summary>
public sealed class Board
{
    public const int NameMaxLength = 200;

    private readonly List<Location> _locations = [];

    private Board()
    {
        Name = string.Empty;
    }

    public Board(string name)
    {
        Name = Guard.Text(name, NameMaxLength, "De naam van de stichting");
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyCollection<Location> Locations => _locations.AsReadOnly();

    public Location AddLocation(string name, string code)
    {
        var location = new Location(this, name, code);
        if (_locations.Exists(l => string.Equals(l.Code, location.Code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException($"Er bestaat al een locatie met code {location.Code}.");
        }

        _locations.Add(location);
        return location;
    }
}
