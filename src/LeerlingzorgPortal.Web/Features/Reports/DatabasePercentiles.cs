using LeerlingzorgPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// Median and 90th percentile of a column of numbers, found in the database: one COUNT, then one
/// ORDER BY … LIMIT 1 OFFSET k per percentile (nearest rank), so no row is loaded into memory.
/// </summary>
public static class DatabasePercentiles
{
    public static async Task<PercentileFigures> MedianAndP90Async(IQueryable<int> values, CancellationToken cancellationToken = default)
    {
        var count = await values.CountAsync(cancellationToken);
        if (count == 0)
        {
            return new PercentileFigures(0, null, null);
        }

        var median = await AtAsync(values, Percentile.NearestRankIndex(count, 50), cancellationToken);
        var p90 = await AtAsync(values, Percentile.NearestRankIndex(count, 90), cancellationToken);
        return new PercentileFigures(count, median, p90);
    }

    private static Task<int> AtAsync(IQueryable<int> values, int index, CancellationToken cancellationToken) =>
        values.OrderBy(v => v).Skip(index).FirstAsync(cancellationToken);
}

/// <summary>How many values, and their median and 90th percentile (null when there are none).</summary>
public sealed record PercentileFigures(int Count, int? Median, int? P90);
