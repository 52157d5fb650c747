using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class SmallCellsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1.234")]
    public void A_count_from_one_to_four_is_shown_as_less_than_five(int count, string shown)
    {
        Assert.Equal(shown, SmallCells.Format(count));
    }

    [Fact]
    public void A_column_with_one_hidden_cell_hides_the_next_smallest_so_the_total_gives_nothing_away()
    {
        var shown = SmallCells.FormatColumn([12, 3, 7, 20]);

        Assert.Equal(["12", "<5", "–", "20"], shown);
    }

    [Fact]
    public void A_column_with_two_hidden_cells_is_left_as_it_is()
    {
        var shown = SmallCells.FormatColumn([12, 3, 2, 20]);

        Assert.Equal(["12", "<5", "<5", "20"], shown);
    }

    [Fact]
    public void Hidden_cells_that_add_up_to_less_than_five_next_to_a_shown_total_get_the_next_smallest_hidden_too()
    {
        // 7, 1, 1 with a total of 29 shown: 29 - 20 - 7 = 2 would tell that both hidden cells are 1.
        var shown = SmallCells.FormatColumn([7, 1, 1, 20]);

        Assert.Equal(["–", "<5", "<5", "20"], shown);
    }

    [Theory]
    [InlineData(3, "<5")]
    [InlineData(7, "–")]
    [InlineData(0, "–")]
    public void A_cell_hidden_only_to_protect_another_is_a_dash_not_a_claim_that_it_is_below_five(int count, string shown)
    {
        Assert.Equal(shown, SmallCells.Format(count, hidden: true));
        Assert.True(SmallCells.IsHiddenText(shown));
    }

    [Fact]
    public void A_column_without_small_counts_shows_every_number()
    {
        Assert.Equal(["12", "0", "7"], SmallCells.FormatColumn([12, 0, 7]));
    }

    [Fact]
    public void When_only_zeros_are_left_a_zero_is_hidden_to_protect_the_total()
    {
        Assert.Equal(["<5", "–", "0"], SmallCells.FormatColumn([3, 0, 0]));
    }

    [Fact]
    public void Hiding_in_a_column_that_leaves_a_row_with_one_hidden_cell_hides_more_in_that_row()
    {
        //            Noord Zuid
        int[,] counts = { { 2, 9 },   // extra tijd
                          { 6, 30 },  // laptop
                          { 8, 12 } }; // stille ruimte

        var hidden = SmallCells.Suppress(counts, rowTotalsShown: true, columnTotalsShown: true);

        // (0,0) is small; its row then hides 9 and its column 6; that leaves more lines with a single
        // hidden cell, which hide theirs in turn until no line has exactly one.
        Assert.True(hidden[0, 0]);
        Assert.True(hidden[0, 1]);
        Assert.True(hidden[1, 0]);
        for (var r = 0; r < 3; r++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 2).Count(c => hidden[r, c]));
        }

        for (var c = 0; c < 2; c++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 3).Count(r => hidden[r, c]));
        }
    }

    [Fact]
    public void Without_totals_only_the_small_counts_are_hidden()
    {
        int[,] counts = { { 2, 9 }, { 6, 30 } };

        var hidden = SmallCells.Suppress(counts, rowTotalsShown: false, columnTotalsShown: false);

        Assert.True(hidden[0, 0]);
        Assert.False(hidden[0, 1]);
        Assert.False(hidden[1, 0]);
        Assert.False(hidden[1, 1]);
    }
}
