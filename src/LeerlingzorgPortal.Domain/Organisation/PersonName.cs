namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>A Dutch personal name: first name, optional prefix (tussenvoegsel) and last name.</summary>
public sealed record PersonName
{
    public const int PartMaxLength = 100;
    public const int PrefixMaxLength = 20;

    public PersonName(string firstName, string? prefix, string lastName)
    {
        FirstName = Guard.Text(firstName, PartMaxLength, "De voornaam");
        Prefix = Guard.OptionalText(prefix, PrefixMaxLength, "Het tussenvoegsel");
        LastName = Guard.Text(lastName, PartMaxLength, "De achternaam");
    }

    public string FirstName { get; }

    public string? Prefix { get; }

    public string LastName { get; }

    /// <summary>"Daan van der Berg".</summary>
    public string FullName => Prefix is null ? $"{FirstName} {LastName}" : $"{FirstName} {Prefix} {LastName}";

    /// <summary>"Berg, Daan van der": how Dutch lists sort people.</summary>
    public string SortName => Prefix is null ? $"{LastName}, {FirstName}" : $"{LastName}, {FirstName} {Prefix}";

    public override string ToString() => FullName;
}
