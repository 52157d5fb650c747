namespace LeerlingzorgPortal.Domain.Reporting;

/// <summary>
/// The small-cell rule for reports without names: a count from 1 to 4 is shown as "&lt;5", and when a
/// row or column whose total is shown has exactly one hidden cell, or hidden cells that together make
/// 1 to 4, the next smallest cell in it is hidden too, so neither a hidden number nor a small sum of
/// hidden numbers can be worked out from the total. A cell hidden only for that reason is shown as
/// <see cref="Protecting"/> ("–"), not as "&lt;5", which would be a claim about its value (ADR 0035).
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;
    public const string Hidden = "<5";

    /// <summary>A cell hidden only to protect another one: its value may be 0 or 5 or more.</summary>
    public const string Protecting = "–";

    /// <summary>The note under a table that shows <see cref="Protecting"/>.</summary>
    public const string ProtectingNote = "– = verborgen om een ander verborgen aantal te beschermen; dit aantal kan 0 zijn of 5 en meer.";

    /// <summary>A number as shown: "&lt;5" when small, "–" when hidden to protect another, else the number itself.</summary>
    public static string Format(int count, bool hidden) => !hidden ? Format(count) : IsSmall(count) ? Hidden : Protecting;

    /// <summary>Whether a shown text is a hidden cell ("&lt;5" or "–").</summary>
    public static bool IsHiddenText(string? text) => text is Hidden or Protecting;

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
        var values = counts.Cast<int>().ToArray();
        var lines = new List<int[]>();
        if (rowTotalsShown)
        {
            lines.AddRange(Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => r * columns + c).ToArray()));
        }

        if (columnTotalsShown)
        {
            lines.AddRange(Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Select(r => r * columns + c).ToArray()));
        }

        var flat = HideSmallAndComplements(values, lines);
        var hidden = new bool[rows, columns];
        for (var i = 0; i < flat.Length; i++)
        {
            hidden[i / columns, i % columns] = flat[i];
        }

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
        return counts.Select((count, i) => Format(count, hidden[i, 0])).ToList();
    }

    /// <summary>
    /// The rule itself, on numbers in any shape: each of <paramref name="values"/> from 1 to 4 is hidden,
    /// and every line (indexes of numbers whose sum is shown, or, with <paramref name="totalsLast"/>, of
    /// numbers whose last one is the sum of the others) with exactly one hidden number, or whose hidden
    /// parts add up to 1 to 4 while the total is shown, gets its next smallest hidden too, until no line
    /// has one. Otherwise two hidden 1s next to a shown total would give each other away.
    /// </summary>
    public static bool[] HideSmallAndComplements(IReadOnlyList<int> values, IReadOnlyList<int[]> lines, bool totalsLast = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(lines);
        var hidden = values.Select(IsSmall).ToArray();

        // Hiding a second number in one line can leave another line with a single hidden one, so
        // repeat until nothing changes; every pass that changes something hides one more, so this ends.
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                changed |= HideSecond(values, hidden, line, totalsLast);
            }
        }
        while (changed);

        return hidden;
    }

    private static bool HideSecond(IReadOnlyList<int> values, bool[] hidden, int[] line, bool totalsLast)
    {
        var hiddenCount = line.Count(i => hidden[i]);
        var totalShown = !totalsLast || !hidden[line[^1]];
        var parts = totalsLast ? line[..^1] : line;
        var hiddenPartsSum = parts.Where(i => hidden[i]).Sum(i => values[i]);
        if (hiddenCount != 1 && !(totalShown && hiddenCount >= 2 && IsSmall(hiddenPartsSum)))
        {
            return false;
        }

        // The next smallest, preferring one that is not zero: hiding a zero only when nothing else is
        // left still stops the total from giving the hidden number away. A part before the total itself.
        // For a small hidden sum only a number that is not zero helps: hiding zeros leaves the sum as it is (and when
        // only zeros are left, the total is that small sum itself, hidden already).
        var candidates = parts.Where(i => !hidden[i] && (hiddenCount == 1 || values[i] > 0)).ToList();
        if (candidates.Count == 0 && hiddenCount == 1 && totalsLast && !hidden[line[^1]])
        {
            candidates.Add(line[^1]);
        }

        if (candidates.Count == 0)
        {
            return false;
        }

        var next = candidates.OrderBy(i => values[i] == 0).ThenBy(i => values[i]).First();
        hidden[next] = true;
        return true;
    }
}
