namespace LeerlingzorgPortal.Domain.Auditing;

/// <summary>
/// School hours for the review of unusual access: weekdays from 07:00 to 19:00 local time (Europe/Amsterdam,
/// summer and winter time included). Everything else (evenings, nights, Saturdays and Sundays) is outside.
/// </summary>
public static class SchoolHours
{
    public static readonly TimeOnly Opens = new(7, 0);

    public static readonly TimeOnly Closes = new(19, 0);

    /// <summary>The Dutch time zone, by its IANA name (Linux and current Windows both know it).</summary>
    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static bool IsOutside(DateTimeOffset moment, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return time < Opens || time >= Closes;
    }

    /// <summary>
    /// The stretches outside school hours between the start of <paramref name="from"/> and the end of
    /// <paramref name="through"/> (local dates), as UTC moments [start, end), adjoining stretches merged
    /// (Friday 19:00 to Monday 07:00 is one). A query counts moments inside them in the database.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> OutsideStretches(DateOnly from, DateOnly through,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var stretches = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Add(stretches, At(day, TimeOnly.MinValue, zone), At(day.AddDays(1), TimeOnly.MinValue, zone));
            }
            else
            {
                Add(stretches, At(day, TimeOnly.MinValue, zone), At(day, Opens, zone));
                Add(stretches, At(day, Closes, zone), At(day.AddDays(1), TimeOnly.MinValue, zone));
            }
        }

        return stretches;
    }

    private static void Add(List<(DateTimeOffset Start, DateTimeOffset End)> stretches, DateTimeOffset start, DateTimeOffset end)
    {
        if (stretches.Count > 0 && stretches[^1].End == start)
        {
            stretches[^1] = (stretches[^1].Start, end);
        }
        else
        {
            stretches.Add((start, end));
        }
    }

    /// <summary>A local wall-clock time as a UTC moment. 00:00 and 07:00 and 19:00 always exist in Amsterdam (the clocks change at 02:00/03:00).</summary>
    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
