using LeerlingzorgPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// Median and 90th percentile of a column of numbers, found in the database: one COUNT, then one
/// ORDER BY … LIMIT 1 OFFSET k per percentile (nearest rank), so no row is loaded into memory. Below
/// the minimums a figure is not computed at all: it would be one pupil's own value.
/// </summary>
public static class DatabasePercentiles
{
    /// <summary>Fewer values than this and there is no median.</summary>
    public const int MinimumForMedian = SmallCells.Threshold;

    /// <summary>Fewer values than this and there is no 90th percentile: by nearest rank it would be the single largest value.</summary>
    public const int MinimumForP90 = 10;

    public static async Task<PercentileFigures> MedianAndP90Async(IQueryable<int> values, CancellationToken cancellationToken = default)
    {
        var count = await values.CountAsync(cancellationToken);
        int? median = count >= MinimumForMedian ? await AtAsync(values, Percentile.NearestRankIndex(count, 50), cancellationToken) : null;
        int? p90 = count >= MinimumForP90 ? await AtAsync(values, Percentile.NearestRankIndex(count, 90), cancellationToken) : null;
        return new PercentileFigures(count, median, p90);
    }

    private static Task<int> AtAsync(IQueryable<int> values, int index, CancellationToken cancellationToken) =>
        values.OrderBy(v => v).Skip(index).FirstAsync(cancellationToken);
}

/// <summary>How many values, and their median and 90th percentile (null below the minimums).</summary>
public sealed record PercentileFigures(int Count, int? Median, int? P90);
