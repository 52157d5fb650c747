using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>Suppression over a location's table, the board's sum and their totals together.</summary>
public sealed class LinkedSmallCellsTests
{
    /// <summary>
    /// Every line (row + total, column + total, a cell across locations + the sum) has no hidden number or at least two,
    /// and where its total is shown, its hidden numbers do not add up to 1 to 4 (ADR 0035).
    /// </summary>
    private static void AssertNoLineGivesAHiddenNumberAway(LinkedSmallCells cells, int locations, int rows, int columns, bool rowTotals, bool columnTotals)
    {
        var shownRows = rows + (columnTotals ? 1 : 0);
        var shownColumns = columns + (rowTotals ? 1 : 0);
        void Line(IReadOnlyList<(int T, int R, int C)> line)
        {
            Assert.NotEqual(1, line.Count(x => cells.IsHidden(x.T, x.R, x.C)));
            if (!cells.IsHidden(line[^1].T, line[^1].R, line[^1].C))
            {
                Assert.False(SmallCells.IsSmall(line.SkipLast(1).Where(x => cells.IsHidden(x.T, x.R, x.C)).Sum(x => cells.Value(x.T, x.R, x.C))));
            }
        }

        for (var t = 0; t <= locations; t++)
        {
            for (var r = 0; r < shownRows && rowTotals; r++)
            {
                Line(Enumerable.Range(0, shownColumns).Select(c => (t, r, c)).ToList());
            }

            for (var c = 0; c < shownColumns && columnTotals; c++)
            {
                Line(Enumerable.Range(0, shownRows).Select(r => (t, r, c)).ToList());
            }
        }

        for (var r = 0; r < shownRows && locations > 1; r++)
        {
            for (var c = 0; c < shownColumns; c++)
            {
                Line(Enumerable.Range(0, locations + 1).Select(t => (t, r, c)).ToList());
            }
        }
    }

    [Fact]
    public void Two_hidden_ones_beside_a_shown_total_get_a_third_number_hidden_shown_as_a_dash()
    {
        // Absence at one location: August 1, September 7, October 1, total 9. Total minus September would be 2.
        int[,,] counts = { { { 1, 7, 1 } } };

        var cells = LinkedSmallCells.Suppress(counts, rowTotals: true, columnTotals: false);

        Assert.Equal(["<5", "–", "<5", "9"], Enumerable.Range(0, 4).Select(c => cells.Format(0, 0, c)));
    }

    [Fact]
    public void A_small_month_total_is_not_left_as_the_only_hidden_number_next_to_the_grand_total()
    {
        // One location, categories × months: September has 3 referrals (one category), October 13.
        int[,,] counts = { { { 3, 7 }, { 0, 6 } } };

        var cells = LinkedSmallCells.Suppress(counts, rowTotals: true, columnTotals: true);

        Assert.Equal("<5", cells.Format(0, 2, 0)); // September's total
        Assert.True(cells.IsHidden(0, 2, 1) || cells.IsHidden(0, 2, 2), "October's total or the grand total must be hidden too");
        AssertNoLineGivesAHiddenNumberAway(cells, 1, 2, 2, rowTotals: true, columnTotals: true);
    }

    [Fact]
    public void A_cell_hidden_in_the_boards_table_is_hidden_in_the_location_that_makes_it_too()
    {
        // Meetings of one type: Noord 3, Zuid 7, board 10. Showing Zuid's 7 in its own view would give Noord's 3 as 10 − 7.
        int[,,] counts = { { { 3 } }, { { 7 } } };

        var cells = LinkedSmallCells.Suppress(counts, rowTotals: false, columnTotals: true);

        Assert.Equal("<5", cells.Format(0, 0, 0));
        Assert.True(cells.IsHidden(1, 0, 0) || cells.IsHidden(2, 0, 0), "Zuid's or the board's number must be hidden too");
        AssertNoLineGivesAHiddenNumberAway(cells, 2, 1, 1, rowTotals: false, columnTotals: true);
    }

    [Fact]
    public void Large_counts_everywhere_stay_exact_in_every_table_and_total()
    {
        int[,,] counts = { { { 10, 12 }, { 8, 9 } }, { { 20, 5 }, { 6, 7 } } };

        var cells = LinkedSmallCells.Suppress(counts, rowTotals: true, columnTotals: true);

        Assert.Equal("30", cells.Format(2, 0, 0));
        Assert.Equal("77", cells.Format(2, 2, 2));
        Assert.Equal("39", cells.Format(0, 2, 2));
        Assert.False(cells.IsHidden(1, 1, 0));
    }

    [Fact]
    public void Random_tables_never_leave_a_line_with_exactly_one_hidden_number()
    {
        var random = new Random(9);
        for (var run = 0; run < 200; run++)
        {
            var (locations, rows, columns) = (random.Next(1, 4), random.Next(1, 5), random.Next(1, 5));
            var counts = new int[locations, rows, columns];
            for (var l = 0; l < locations; l++)
            {
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < columns; c++)
                    {
                        counts[l, r, c] = random.Next(3) == 0 ? 0 : random.Next(1, 15);
                    }
                }
            }

            var rowTotals = random.Next(2) == 0;
            var columnTotals = random.Next(2) == 0;
            var cells = LinkedSmallCells.Suppress(counts, rowTotals, columnTotals);

            AssertNoLineGivesAHiddenNumberAway(cells, locations, rows, columns, rowTotals, columnTotals);
            for (var t = 0; t <= locations; t++)
            {
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < columns; c++)
                    {
                        Assert.False(SmallCells.IsSmall(cells.Value(t, r, c)) && !cells.IsHidden(t, r, c));
                    }
                }
            }
        }
    }
}
