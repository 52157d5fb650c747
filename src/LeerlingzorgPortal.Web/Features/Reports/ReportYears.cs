using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The school years a report can be asked for: the current one and a few before it.</summary>
public static class ReportYears
{
    /// <summary>How many earlier school years can be chosen.</summary>
    public const int YearsBack = 4;

    public static IReadOnlyList<SchoolYear> Choosable(SchoolYear current) =>
        Enumerable.Range(0, YearsBack + 1).Select(back => new SchoolYear(current.StartYear - back)).ToList();

    /// <summary>The chosen year, or the current one with a Dutch message when the choice is out of range.</summary>
    public static (SchoolYear Year, string? Error) Resolve(int? startYear, SchoolYear current)
    {
        if (startYear is not int start)
        {
            return (current, null);
        }

        if (start > current.StartYear)
        {
            return (current, $"Schooljaar {start}-{start + 1} is nog niet begonnen. Kies {current} of een eerder schooljaar.");
        }

        if (start < current.StartYear - YearsBack)
        {
            return (current, $"Kies een schooljaar van {current.StartYear - YearsBack}-{current.StartYear - YearsBack + 1} tot en met {current}.");
        }

        return (new SchoolYear(start), null);
    }
}
