namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>
/// A Dutch school year, which runs from 1 August to 31 July and is written "2026-2027".
/// </summary>
public readonly record struct SchoolYear
{
    public const int FirstMonth = 8;

    public SchoolYear(int startYear)
    {
        if (startYear is < 2000 or > 2100)
        {
            throw new DomainRuleException("Het schooljaar moet tussen 2000 en 2100 beginnen.");
        }

        StartYear = startYear;
    }

    public int StartYear { get; }

    public DateOnly FirstDay => new(StartYear, FirstMonth, 1);

    public DateOnly LastDay => new(StartYear + 1, FirstMonth - 1, 31);

    public static SchoolYear Containing(DateOnly date) =>
        new(date.Month >= FirstMonth ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public override string ToString() => $"{StartYear}-{StartYear + 1}";
}
