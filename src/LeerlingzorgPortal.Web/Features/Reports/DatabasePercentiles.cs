using LeerlingzorgPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// Median and 90th percentile of a column of numbers, found in the database: one COUNT, then one query
/// that picks both positions (ORDER BY … LIMIT 1 OFFSET k twice, nearest rank, in one UNION ALL), so no
/// row is loaded into memory and the number of commands does not depend on the data. Below the minimums
/// a figure is not computed at all: it would be one pupil's own value.
/// </summary>
public static class DatabasePercentiles
{
    /// <summary>Fewer values than this and there is no median.</summary>
    public const int MinimumForMedian = SmallCells.Threshold;

    /// <summary>Fewer values than this and there is no 90th percentile: by nearest rank it would be the single largest value.</summary>
    public const int MinimumForP90 = 10;

    public static async Task<PercentileFigures> MedianAndP90Async(IQueryable<int> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = await values.CountAsync(cancellationToken);
        var medianAt = count >= MinimumForMedian ? Percentile.NearestRankIndex(count, 50) : 0;
        var p90At = count >= MinimumForP90 ? Percentile.NearestRankIndex(count, 90) : 0;
        var picked = await values.OrderBy(v => v).Skip(medianAt).Take(1).Select(v => new { P90 = false, Value = v })
            .Concat(values.OrderBy(v => v).Skip(p90At).Take(1).Select(v => new { P90 = true, Value = v }))
            .ToListAsync(cancellationToken);
        int? median = count >= MinimumForMedian ? picked.First(p => !p.P90).Value : null;
        int? p90 = count >= MinimumForP90 ? picked.First(p => p.P90).Value : null;
        return new PercentileFigures(count, median, p90);
    }

    /// <summary>The same figures, by the same rules, over values already loaded.</summary>
    public static PercentileFigures MedianAndP90(IReadOnlyCollection<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        int? median = sorted.Count >= MinimumForMedian ? sorted[Percentile.NearestRankIndex(sorted.Count, 50)] : null;
        int? p90 = sorted.Count >= MinimumForP90 ? sorted[Percentile.NearestRankIndex(sorted.Count, 90)] : null;
        return new PercentileFigures(sorted.Count, median, p90);
    }
}

/// <summary>How many values, and their median and 90th percentile (null below the minimums).</summary>
public sealed record PercentileFigures(int Count, int? Median, int? P90);
