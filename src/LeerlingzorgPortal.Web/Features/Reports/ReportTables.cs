using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>How a table of counts per location is shown.</summary>
public enum LocationView
{
    /// <summary>The sum over the locations (or the one location there is).</summary>
    Sum,

    /// <summary>One location's own table.</summary>
    One,

    /// <summary>A single-column table with a column per location and the sum as "Totaal".</summary>
    LocationsAsColumns,

    /// <summary>A single-row table with a row per location and the sum as the totals row.</summary>
    LocationsAsRows,
}

/// <summary>
/// Builds the tables the screens, charts and downloads show, with every count through the small-cell
/// rule. Counts come per location and are suppressed together with their sum and totals
/// (<see cref="LinkedSmallCells"/>), so the board's table, a location's table and the totals never
/// give a hidden number away between them.
/// </summary>
public static class ReportTables
{
    /// <summary>A table of one set of counts, with a totals row, and a totals column when <paramref name="rowTotals"/>.</summary>
    public static ReportTable Build(string caption, List<string> columns, List<string> rows, int[,] counts, bool rowTotals,
        string totalsLabel)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var cube = new int[1, counts.GetLength(0), counts.GetLength(1)];
        for (var r = 0; r < counts.GetLength(0); r++)
        {
            for (var c = 0; c < counts.GetLength(1); c++)
            {
                cube[0, r, c] = counts[r, c];
            }
        }

        return Linked(caption, columns, rows, cube, [], rowTotals, columnTotals: true, totalsLabel, LocationView.Sum, 0);
    }

    /// <summary>
    /// A table of counts per location [location, row, column], suppressed across all the locations given,
    /// shown as <paramref name="view"/> (for <see cref="LocationView.One"/>: location <paramref name="location"/>).
    /// </summary>
    public static ReportTable Linked(string caption, List<string> columns, List<string> rows, int[,,] counts, IReadOnlyList<string> locationNames,
        bool rowTotals, bool columnTotals, string totalsLabel, LocationView view, int location = 0)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(locationNames);
        var cells = LinkedSmallCells.Suppress(counts, rowTotals, columnTotals);
        var sum = counts.GetLength(0);
        var (rowCount, columnCount) = (rows.Count, columns.Count);
        switch (view)
        {
            case LocationView.LocationsAsColumns:
            {
                var shown = rows.Select((label, r) => new ReportRow(label,
                    Enumerable.Range(0, sum + 1).Select(t => cells.Format(t, r, 0)).ToList())).ToList();
                var totals = columnTotals
                    ? new ReportRow(totalsLabel, Enumerable.Range(0, sum + 1).Select(t => cells.Format(t, rowCount, 0)).ToList())
                    : null;
                return new ReportTable(caption, [.. locationNames, "Totaal"], shown, totals);
            }

            case LocationView.LocationsAsRows:
            {
                var shown = locationNames.Select((name, t) => new ReportRow(name,
                    Enumerable.Range(0, columnCount).Select(c => cells.Format(t, 0, c)).ToList())).ToList();
                var totals = new ReportRow(totalsLabel, Enumerable.Range(0, columnCount).Select(c => cells.Format(sum, 0, c)).ToList());
                return new ReportTable(caption, columns, shown, totals);
            }

            default:
            {
                var table = view == LocationView.One ? location : sum;
                var shown = rows.Select((label, r) => new ReportRow(label,
                    Enumerable.Range(0, columnCount + (rowTotals ? 1 : 0)).Select(c => cells.Format(table, r, c)).ToList())).ToList();
                var totals = columnTotals
                    ? new ReportRow(totalsLabel, Enumerable.Range(0, columnCount + (rowTotals ? 1 : 0)).Select(c => cells.Format(table, rowCount, c)).ToList())
                    : null;
                return new ReportTable(caption, rowTotals ? [.. columns, "Totaal"] : columns, shown, totals);
            }
        }
    }
}
