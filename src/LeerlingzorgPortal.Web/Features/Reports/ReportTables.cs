using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// The locations a report counts and the one the user chose, if any. Reports count every location the
/// user may see whichever one is chosen, so a location's table and the board's are suppressed together.
/// </summary>
public sealed class ReportScope
{
    public ReportScope(IReadOnlyList<FilterOption> reachable, int? locationId)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        Ids = reachable.Select(l => l.Id).ToList();
        Names = reachable.Select(l => l.Name).ToList();
        Chosen = locationId is int id ? Ids.IndexOf(id) : -1;
    }

    public List<int> Ids { get; }

    public List<string> Names { get; }

    /// <summary>The index of the chosen location, or -1 for all of them.</summary>
    public int Chosen { get; }

    public int Count => Ids.Count;

    /// <summary>The table a <see cref="LinkedSmallCells"/> result is read from: the chosen location's, or the sum.</summary>
    public int Table => Chosen >= 0 ? Chosen : Count;

    /// <summary>The location ids of the view: the chosen one, or all.</summary>
    public List<int> ViewIds => Chosen >= 0 ? [Ids[Chosen]] : Ids;

    /// <summary>Whether the view breaks tables down per location (all chosen, and more than one).</summary>
    public bool ShowsEachLocation => Chosen < 0 && Count > 1;

    public int IndexOf(int locationId) => Ids.IndexOf(locationId);
}

/// <summary>How a table of counts per location is shown.</summary>
internal enum LocationView
{
    /// <summary>The sum over the locations, or the chosen location's own table.</summary>
    SumOrChosen,

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

        return Linked(caption, columns, rows, cube, new ReportScope([], null), rowTotals, columnTotals: true, totalsLabel, LocationView.SumOrChosen);
    }

    /// <summary>A table of counts per location [location, row, column]: the board's sum, or the chosen location's table.</summary>
    public static ReportTable Linked(string caption, List<string> columns, List<string> rows, int[,,] counts, ReportScope scope,
        bool rowTotals, bool columnTotals, string totalsLabel) =>
        Linked(caption, columns, rows, counts, scope, rowTotals, columnTotals, totalsLabel, LocationView.SumOrChosen);

    /// <summary>Counts per location [location, row, 0]: a column per location and "Totaal" when all are shown, else the chosen one's column.</summary>
    public static ReportTable ColumnPerLocation(string caption, List<string> rows, int[,,] counts, ReportScope scope, string totalsLabel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Linked(caption, OwnName(scope), rows, counts, scope, rowTotals: false, columnTotals: true, totalsLabel,
            scope.ShowsEachLocation ? LocationView.LocationsAsColumns : LocationView.SumOrChosen);
    }

    /// <summary>Measures per location [location, 0, measure] that do not add up across: a row per location and their sum, else the chosen one's row.</summary>
    public static ReportTable RowPerLocation(string caption, List<string> columns, int[,,] counts, ReportScope scope, string totalsLabel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Linked(caption, columns, OwnName(scope), counts, scope, rowTotals: false, columnTotals: false, totalsLabel,
            scope.ShowsEachLocation ? LocationView.LocationsAsRows : LocationView.SumOrChosen);
    }

    /// <summary>The label of a one-location table: the chosen location, or the only one there is.</summary>
    private static List<string> OwnName(ReportScope scope) =>
        scope.Chosen >= 0 ? [scope.Names[scope.Chosen]] : scope.Count == 1 ? scope.Names : [];

    private static ReportTable Linked(string caption, List<string> columns, List<string> rows, int[,,] counts, ReportScope scope,
        bool rowTotals, bool columnTotals, string totalsLabel, LocationView view)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var locationNames = scope.Names;
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
                    var table = scope.Chosen >= 0 ? scope.Chosen : sum;
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
