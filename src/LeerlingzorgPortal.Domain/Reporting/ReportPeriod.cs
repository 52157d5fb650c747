using System.Globalization;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Reporting;

/// <summary>One month of a report period, clipped to the period: counted from <see cref="First"/> up to, not including, <see cref="End"/>.</summary>
public sealed record ReportMonth(string Label, DateOnly First, DateOnly End);

/// <summary>A problem with the filter a user typed, with the form field it belongs to and a Dutch message.</summary>
public sealed record ReportPeriodError(string Field, string Message);

/// <summary>The period read from a filter, or the default period and the reasons the filter was not used.</summary>
public sealed record ReportPeriodChoice(ReportPeriod Period, IReadOnlyList<ReportPeriodError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The days a report counts: within one school year, from <see cref="From"/> up to and including
/// <see cref="To"/>. Moments are compared in UTC, like the rest of the portal's dates.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>How many school years before the current one a report may go back.</summary>
    public const int YearsBack = 4;

    private static readonly string[] MonthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public ReportPeriod(SchoolYear schoolYear, DateOnly from, DateOnly to)
    {
        if (to < from || !schoolYear.Contains(from) || !schoolYear.Contains(to))
        {
            throw new DomainRuleException($"Een rapportageperiode ligt binnen schooljaar {schoolYear}, met de einddatum niet vóór de begindatum.");
        }

        SchoolYear = schoolYear;
        From = from;
        To = to;
    }

    public SchoolYear SchoolYear { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The first moment counted.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first moment no longer counted (midnight after <see cref="To"/>).</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Whether the period is the whole school year.</summary>
    public bool IsWholeYear => From == SchoolYear.FirstDay && To == SchoolYear.LastDay;

    /// <summary>The months the period touches, each clipped to the period, labelled like "nov 2026".</summary>
    public IReadOnlyList<ReportMonth> Months
    {
        get
        {
            var months = new List<ReportMonth>();
            var first = new DateOnly(From.Year, From.Month, 1);
            while (first <= To)
            {
                var next = first.AddMonths(1);
                var start = first < From ? From : first;
                var end = next > To.AddDays(1) ? To.AddDays(1) : next;
                months.Add(new ReportMonth($"{MonthNames[first.Month - 1]} {first.Year.ToString(CultureInfo.InvariantCulture)}", start, end));
                first = next;
            }

            return months;
        }
    }

    /// <summary>The school year containing <paramref name="today"/>, from its first day up to and including today.</summary>
    public static ReportPeriod Default(DateOnly today)
    {
        var year = SchoolYear.Containing(today);
        return new ReportPeriod(year, year.FirstDay, today);
    }

    /// <summary>
    /// Reads a filter: a school year (its start year; none means the current one) and an optional begin
    /// and end date ("jjjj-mm-dd", as a date field sends them). Without dates the period is the whole
    /// school year, or up to today for the current one. Anything wrong gives Dutch messages and the
    /// default period, never an exception.
    /// </summary>
    public static ReportPeriodChoice Choose(int? startYear, string? from, string? to, DateOnly today)
    {
        var errors = new List<ReportPeriodError>();
        var current = SchoolYear.Containing(today);
        var year = current;
        var earliest = current.StartYear - YearsBack;
        if (startYear is int start)
        {
            if (start > current.StartYear)
            {
                errors.Add(new("year", $"Schooljaar {start}-{start + 1} ligt in de toekomst. Kies een schooljaar van {earliest}-{earliest + 1} tot en met {current}."));
            }
            else if (start < earliest)
            {
                errors.Add(new("year", $"Schooljaar {start}-{start + 1} ligt te ver terug. Kies een schooljaar van {earliest}-{earliest + 1} tot en met {current}."));
            }
            else
            {
                year = new SchoolYear(start);
            }
        }

        var fromDate = ParseDate(from, "from", "begindatum", errors);
        var toDate = ParseDate(to, "to", "einddatum", errors);
        if (errors.Count > 0)
        {
            return new ReportPeriodChoice(Default(today), errors);
        }

        var first = fromDate ?? year.FirstDay;
        var last = toDate ?? (year == current ? today : year.LastDay);
        if (fromDate is not null && toDate is null && first > last && year == current)
        {
            last = year.LastDay;
        }

        if (!year.Contains(first) || !year.Contains(last))
        {
            errors.Add(new("from",
                $"De periode moet binnen schooljaar {year} vallen: van {Dutch(year.FirstDay)} tot en met {Dutch(year.LastDay)}."));
        }
        else if (last < first)
        {
            errors.Add(new("to", "De einddatum ligt vóór de begindatum."));
        }
        else if (first > today)
        {
            errors.Add(new("from", "De begindatum ligt in de toekomst; daarover zijn nog geen cijfers."));
        }

        return errors.Count > 0 ? new ReportPeriodChoice(Default(today), errors) : new ReportPeriodChoice(new ReportPeriod(year, first, last), errors);
    }

    /// <summary>
    /// The one published period of a school year for roles that see no names (ADR 0035): a past school year
    /// whole, the current one from its first day to the end of its last complete month; null while the
    /// current school year has no complete month yet (in August). One period per school year, so no two
    /// views differ by a few days, and a count only changes once a month.
    /// </summary>
    public static ReportPeriod? Published(SchoolYear schoolYear, DateOnly today)
    {
        var current = SchoolYear.Containing(today);
        if (schoolYear.StartYear < current.StartYear)
        {
            return new ReportPeriod(schoolYear, schoolYear.FirstDay, schoolYear.LastDay);
        }

        var lastOfPreviousMonth = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return schoolYear == current && lastOfPreviousMonth >= schoolYear.FirstDay
            ? new ReportPeriod(schoolYear, schoolYear.FirstDay, lastOfPreviousMonth)
            : null;
    }

    /// <summary>
    /// Reads the filter of a role that sees no names: only a school year; begin and end dates are refused with a
    /// Dutch message. Without a year (or with a wrong one) the newest published period is used.
    /// </summary>
    public static ReportPeriodChoice ChoosePublished(int? startYear, string? from, string? to, DateOnly today)
    {
        var errors = new List<ReportPeriodError>();
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            errors.Add(new(string.IsNullOrWhiteSpace(from) ? "to" : "from",
                "Een eigen begin- of einddatum kan alleen wie ook de namen mag zien. Je ziet de cijfers per heel schooljaar, per maand uitgesplitst."));
        }

        var current = SchoolYear.Containing(today);
        var newest = Published(current, today) ?? Published(new SchoolYear(current.StartYear - 1), today)!;
        if (startYear is not int start)
        {
            return new ReportPeriodChoice(newest, errors);
        }

        var earliest = current.StartYear - YearsBack;
        if (start > current.StartYear)
        {
            errors.Add(new("year", $"Schooljaar {start}-{start + 1} ligt in de toekomst. Kies een schooljaar van {earliest}-{earliest + 1} tot en met {current}."));
        }
        else if (start < earliest)
        {
            errors.Add(new("year", $"Schooljaar {start}-{start + 1} ligt te ver terug. Kies een schooljaar van {earliest}-{earliest + 1} tot en met {current}."));
        }
        else if (Published(new SchoolYear(start), today) is { } published)
        {
            return new ReportPeriodChoice(published, errors);
        }
        else
        {
            errors.Add(new("year", $"Van schooljaar {current} zijn nog geen cijfers: die verschijnen na de eerste hele maand."));
        }

        return new ReportPeriodChoice(newest, errors);
    }

    private static DateOnly? ParseDate(string? value, string field, string name, List<ReportPeriodError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, ["d-M-yyyy", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        errors.Add(new(field, $"De {name} is geen geldige datum; schrijf hem als dd-mm-jjjj."));
        return null;
    }

    private static string Dutch(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
