namespace LeerlingzorgPortal.Domain.Reporting;

/// <summary>
/// The small-cell rule for reports without names: a count from 1 to 4 is shown as "&lt;5", and when a
/// row or column whose total is shown has exactly one hidden cell, the next smallest cell in it is
/// hidden too, so the hidden number cannot be worked out from the total.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;
    public const string Hidden = "<5";

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>One number on its own (no total next to it).</summary>
    public static string Format(int count) => IsSmall(count) ? Hidden : count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>
    /// Which cells of a table to hide. Rows and columns are checked for the complementary rule only
    /// where their total is shown (<paramref name="rowTotalsShown"/>, <paramref name="columnTotalsShown"/>).
    /// </summary>
    public static bool[,] Suppress(int[,] counts, bool rowTotalsShown, bool columnTotalsShown)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                hidden[r, c] = IsSmall(counts[r, c]);
            }
        }

        // Hiding a second cell in one line can leave another line with a single hidden cell, so
        // repeat until nothing changes; every pass hides at least one more cell, so this ends.
        bool changed;
        do
        {
            changed = false;
            if (rowTotalsShown)
            {
                for (var r = 0; r < rows; r++)
                {
                    changed |= HideSecond(counts, hidden, Enumerable.Range(0, columns).Select(c => (r, c)).ToList());
                }
            }

            if (columnTotalsShown)
            {
                for (var c = 0; c < columns; c++)
                {
                    changed |= HideSecond(counts, hidden, Enumerable.Range(0, rows).Select(r => (r, c)).ToList());
                }
            }
        }
        while (changed);

        return hidden;
    }

    /// <summary>A single column with its total shown.</summary>
    public static IReadOnlyList<string> FormatColumn(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var table = new int[counts.Count, 1];
        for (var i = 0; i < counts.Count; i++)
        {
            table[i, 0] = counts[i];
        }

        var hidden = Suppress(table, rowTotalsShown: false, columnTotalsShown: true);
        return counts.Select((count, i) => hidden[i, 0] ? Hidden : Format(count)).ToList();
    }

    private static bool HideSecond(int[,] counts, bool[,] hidden, IReadOnlyList<(int Row, int Column)> line)
    {
        if (line.Count(cell => hidden[cell.Row, cell.Column]) != 1)
        {
            return false;
        }

        // The next smallest cell, preferring one that is not zero: hiding a zero only when nothing
        // else is left still stops the total from giving the hidden number away.
        var candidates = line.Where(cell => !hidden[cell.Row, cell.Column]).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var next = candidates.OrderBy(cell => counts[cell.Row, cell.Column] == 0).ThenBy(cell => counts[cell.Row, cell.Column]).First();
        hidden[next.Row, next.Column] = true;
        return true;
    }
}
