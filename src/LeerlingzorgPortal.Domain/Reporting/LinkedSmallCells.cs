namespace LeerlingzorgPortal.Domain.Reporting;

/// <summary>
/// The small-cell rule over linked tables: one table per location and the table of their sum, each
/// with the totals it shows, suppressed together. A "line" is any set of shown numbers of which one
/// is the sum of the others (a row with its total, a column with its total, or the same cell across
/// the locations and their sum); a line with exactly one hidden number gets a second one hidden, until
/// no line has one. So neither a total, nor another location's view of the same counts, nor the
/// board's sum gives a hidden number away.
/// </summary>
public sealed class LinkedSmallCells
{
    private readonly int[] _values;
    private bool[] _hidden;
    private readonly int _rows;
    private readonly int _columns;

    private LinkedSmallCells(int tables, int rows, int columns)
    {
        Tables = tables;
        _rows = rows;
        _columns = columns;
        _values = new int[tables * rows * columns];
        _hidden = [];
    }

    /// <summary>The number of location tables; the sum is the table at index <see cref="Tables"/>.</summary>
    public int Tables { get; }

    /// <summary>
    /// Suppresses <paramref name="counts"/> [location, row, column] together with the sum over the
    /// locations and the totals: row totals when <paramref name="rowTotals"/>, column totals when
    /// <paramref name="columnTotals"/>; with both, a grand total too.
    /// </summary>
    public static LinkedSmallCells Suppress(int[,,] counts, bool rowTotals, bool columnTotals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (locations, rows, columns) = (counts.GetLength(0), counts.GetLength(1), counts.GetLength(2));
        var result = new LinkedSmallCells(locations + 1, rows + 1, columns + 1);
        for (var l = 0; l < locations; l++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var value = counts[l, r, c];
                    result.Add(l, r, c, value);
                    result.Add(l, rows, c, value);
                    result.Add(l, r, columns, value);
                    result.Add(l, rows, columns, value);
                    result.Add(locations, r, c, value);
                    result.Add(locations, rows, c, value);
                    result.Add(locations, r, columns, value);
                    result.Add(locations, rows, columns, value);
                }
            }
        }

        var shownRows = rows + (columnTotals ? 1 : 0);
        var shownColumns = columns + (rowTotals ? 1 : 0);
        var lines = new List<int[]>();
        for (var t = 0; t <= locations; t++)
        {
            if (rowTotals)
            {
                for (var r = 0; r < shownRows; r++)
                {
                    lines.Add(Enumerable.Range(0, shownColumns).Select(c => result.Index(t, r, c)).ToArray());
                }
            }

            if (columnTotals)
            {
                for (var c = 0; c < shownColumns; c++)
                {
                    lines.Add(Enumerable.Range(0, shownRows).Select(r => result.Index(t, r, c)).ToArray());
                }
            }
        }

        if (locations > 1)
        {
            for (var r = 0; r < shownRows; r++)
            {
                for (var c = 0; c < shownColumns; c++)
                {
                    lines.Add(Enumerable.Range(0, locations + 1).Select(t => result.Index(t, r, c)).ToArray());
                }
            }
        }

        result._hidden = SmallCells.HideSmallAndComplements(result._values, lines, totalsLast: true);
        return result;
    }

    /// <summary>
    /// The number as shown: "&lt;5" when it is 1 to 4, "–" when hidden only to protect another. <paramref name="row"/>
    /// and <paramref name="column"/> may be the totals (one past the last).
    /// </summary>
    public string Format(int table, int row, int column) => SmallCells.Format(Value(table, row, column), IsHidden(table, row, column));

    public bool IsHidden(int table, int row, int column) => _hidden[Index(table, row, column)];

    public int Value(int table, int row, int column) => _values[Index(table, row, column)];

    private int Index(int table, int row, int column) => (table * _rows + row) * _columns + column;

    private void Add(int table, int row, int column, int value) => _values[Index(table, row, column)] += value;
}
