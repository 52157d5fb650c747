namespace LeerlingzorgPortal.Domain.Reporting;

/// <summary>
/// Percentiles by the nearest-rank method: the value at rank ⌈p/100 · n⌉ of the sorted values. It always
/// answers one of the real values, so the database can find it with ORDER BY … OFFSET rank−1 without
/// loading the values themselves.
/// </summary>
public static class Percentile
{
    /// <summary>The zero-based position, in ascending order, of the <paramref name="percentile"/>th percentile of <paramref name="count"/> values.</summary>
    public static int NearestRankIndex(int count, int percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var rank = (int)Math.Ceiling(percentile * (long)count / 100.0);
        return Math.Max(rank, 1) - 1;
    }

    /// <summary>The same on values in memory; used by tests and small lists.</summary>
    public static int Of(IReadOnlyList<int> values, int percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        return sorted[NearestRankIndex(sorted.Count, percentile)];
    }

    /// <summary>A number of minutes as Dutch text with days or hours, e.g. "2,5 dagen" or "3 uur".</summary>
    public static string FormatMinutes(int minutes)
    {
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        if (minutes < 60)
        {
            return $"{minutes.ToString(dutch)} min";
        }

        if (minutes < 24 * 60)
        {
            return $"{(minutes / 60.0).ToString("0.#", dutch)} uur";
        }

        // Rounded before choosing the word, so 1,500 minutes reads "1 dag", not "1 dagen".
        var days = Math.Round(minutes / (24 * 60.0), 1);
        return $"{days.ToString("0.#", dutch)} {(days == 1 ? "dag" : "dagen")}";
    }
}
